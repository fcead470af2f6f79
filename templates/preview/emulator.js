/*
 * Coursepack preview: the LMS emulator page. Launches the course in the frame as an LMS would
 * (scorm-again for SCORM, the preview server's LRS for xAPI and cmi5, nothing for web) and shows,
 * beside it, what the LMS holds: status, score, location, suspend data, interactions, every API
 * call or LRS request, every statement. Plain browser JavaScript, served as is.
 */
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var frame = $('course');
  var SCORM = { scorm12: true, scorm2004: true };
  var STATE_ID = 'coursepack.state';
  var LAUNCH_DATA = 'LMS.LaunchData';
  var VERBS = 'http://adlnet.gov/expapi/verbs/';

  /** Everything the panel shows; render() draws it. */
  var S = {
    info: null,
    target: '',
    lang: '',
    build: null,
    launch: null, // the server's answer to /api/launch
    api: null, // scorm-again, for SCORM
    apiSession: 0,
    calls: [], // SCORM API calls, or LRS requests for xAPI / cmi5
    statements: [],
    stateDoc: null,
    launchData: null,
    committed: null, // JSON of the CMI at the last commit
    commits: 0,
    lastCommit: null,
    web: null,
    decoded: {},
    tab: 'suspend',
    open: {}, // statements whose JSON the user opened
    busy: false,
    queued: null,
  };
  window.preview = S;

  // ---------------------------------------------------------------- helpers

  function esc(value) {
    return String(value === undefined || value === null ? '' : value).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function time(iso) {
    var d = iso ? new Date(iso) : new Date();
    return d.toTimeString().slice(0, 8);
  }
  function num(n) { return Number(n).toLocaleString('en-US'); }
  function get(obj, path) {
    return path.split('.').reduce(function (node, key) { return node === undefined || node === null ? undefined : node[key]; }, obj);
  }
  async function getJson(url) {
    var res = await fetch(url, { cache: 'no-store' });
    return res.json();
  }
  async function postJson(url, body) {
    var res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}), cache: 'no-store' });
    return res.json();
  }
  function isScorm() { return !!SCORM[S.target]; }
  function isLrs() { return S.target === 'xapi' || S.target === 'cmi5'; }
  function registration() { return S.launch ? S.launch.registration : ''; }

  /** Replaces an element's content only when it changed: keeps text selection, focus and scroll. */
  function setHtml(el, html) {
    if (el.__html === html) return false;
    el.innerHTML = html;
    el.__html = html;
    return true;
  }

  var scheduled = false;
  function render() {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(function () {
      scheduled = false;
      draw();
    });
  }

  // ---------------------------------------------------------------- launching

  /**
   * One thing at a time: a launch waits for the one before it; of several queued, the last wins
   * (an editor saving three files in a row reloads the course once more, not three times).
   */
  function schedule(job) {
    if (S.busy) {
      S.queued = job;
      return;
    }
    S.busy = true;
    Promise.resolve()
      .then(job)
      .catch(function (error) { showProblem('The preview failed: ' + error.message); })
      .then(function () {
        S.busy = false;
        var next = S.queued;
        S.queued = null;
        if (next) schedule(next);
      });
  }

  /** Unloads the course: its pagehide ends the session, as closing the tab does. */
  function unload() {
    return new Promise(function (resolve) {
      var loaded = frame.contentWindow && frame.contentWindow.location.href !== 'about:blank';
      if (!loaded) return resolve();
      var done = false;
      var finish = function () { if (!done) { done = true; resolve(); } };
      frame.addEventListener('load', finish, { once: true });
      setTimeout(finish, 3000);
      frame.src = 'about:blank';
    });
  }

  async function launch(reason) {
    await unload();
    var answer = await postJson('/api/launch', { target: S.target, lang: S.lang });
    applyBuild(answer.build);
    if (!answer.build.ok) return;
    S.launch = answer;
    S.lang = answer.build.lang;
    S.decoded = {};
    S.stateDoc = null;
    S.launchData = null;
    S.web = null;
    if (isScorm()) installScormApi(answer, reason);
    else {
      removeScormApi();
      if (isLrs()) await loadLrsView();
      S.calls.push({ separator: true, text: sessionLabel(reason) });
    }
    frame.src = answer.url;
    render();
  }

  function sessionLabel(reason) {
    return 'Launch ' + S.launch.session + ' · ' + (S.launch.build.label || S.target) + ' · ' + S.lang + (reason ? ' · ' + reason : '');
  }

  /** The LRS's record of this registration, when the page opens on one that has history. */
  async function loadLrsView() {
    var view = await getJson('/api/state?registration=' + encodeURIComponent(registration()));
    S.statements = view.statements;
    var docs = view.documents || {};
    S.stateDoc = docs[STATE_ID] ? JSON.parse(docs[STATE_ID]) : null;
    S.launchData = docs[LAUNCH_DATA] ? JSON.parse(docs[LAUNCH_DATA]) : null;
    S.calls = S.calls.filter(function (c) { return c.separator || c.lrs; });
    if (!S.calls.length) S.calls = view.requests.map(function (r) { return lrsCall(r); });
    S.seen = {};
    S.statements.forEach(function (s) { S.seen['s' + s.id] = true; });
    S.calls.forEach(function (c) { if (c.seq) S.seen['r' + c.seq] = true; });
  }

  // ---------------------------------------------------------------- SCORM (scorm-again)

  var API_NAMES = {
    scorm12: ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'],
    scorm2004: ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'],
  };

  function removeScormApi() {
    try { delete window.API; } catch (e) { window.API = undefined; }
    try { delete window.API_1484_11; } catch (e) { window.API_1484_11 = undefined; }
    S.api = null;
  }

  /**
   * A strict LMS, as the end-to-end tests use: scorm-again with autocommit off and no mastery
   * override; every commit is POSTed synchronously to the preview server, the learner's record
   * across launches. The record is loaded back at each launch, with entry "resume" after a suspend.
   */
  function installScormApi(answer, reason) {
    removeScormApi();
    var is12 = S.target === 'scorm12';
    var session = answer.session;
    var commitUrl = '/api/scorm/commit?slot=' + encodeURIComponent(answer.slot) + '&session=' + session;
    var settings = {
      autocommit: false,
      lmsCommitUrl: commitUrl,
      dataCommitFormat: 'json',
      logLevel: 5,
      mastery_override: false,
      autoCompleteLessonStatus: false,
      sendFullCommit: true,
    };
    var api = is12 ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
    var record = answer.record;
    if (record.cmi) api.loadFromJSON(record.cmi, '');
    var resume = !!record.cmi && record.exit === 'suspend';
    var entry = resume ? 'resume' : record.cmi ? '' : 'ab-initio';
    var mastery = answer.build.masteryScore;
    if (is12) {
      api.cmi.core.student_id = answer.learner.id;
      api.cmi.core.student_name = 'Learner, Preview';
      api.cmi.core.entry = entry;
      if (mastery !== undefined && mastery !== null) api.cmi.student_data.mastery_score = String(Math.round(mastery));
    } else {
      api.cmi.learner_id = answer.learner.id;
      api.cmi.learner_name = answer.learner.name;
      api.cmi.entry = entry;
      if (mastery !== undefined && mastery !== null) api.cmi.scaled_passing_score = String(mastery / 100);
    }
    S.api = api;
    S.apiSession = session;
    S.entry = entry;
    S.commits = record.commits;
    S.lastCommit = record.lastCommit;
    S.committed = record.cmi ? JSON.stringify(record.cmi) : null;
    S.calls.push({ separator: true, text: sessionLabel(reason) + ' · entry "' + entry + '"' });

    var names = API_NAMES[S.target];
    var getError = names[5];
    var getErrorString = names[6];
    var terminate = names[1];
    var commit = names[4];
    var wrapped = {};
    names.forEach(function (name) {
      wrapped[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        var result = api[name].apply(api, args);
        if (/LastError|ErrorString|Diagnostic/.test(name)) return result;
        var code = String(api[getError]());
        var call = { fn: name, args: args, result: String(result), error: code, time: new Date().toISOString(), session: session };
        if (code !== '0') call.errorText = String(api[getErrorString](code));
        if (session === S.apiSession) {
          S.calls.push(call);
          if ((name === commit || name === terminate) && code === '0') {
            S.committed = JSON.stringify(api.cmi);
            S.commits++;
            S.lastCommit = call.time;
          }
          render();
        }
        // Terminate's own commit goes by beacon, which a closing frame may drop: keep the record
        // as the LMS would have received it, synchronously, before the next launch reads it.
        if (name === terminate && code === '0') {
          var xhr = new XMLHttpRequest();
          xhr.open('POST', commitUrl + '&via=terminate', false);
          xhr.setRequestHeader('Content-Type', 'application/json');
          try { xhr.send(JSON.stringify({ cmi: JSON.parse(JSON.stringify(api.cmi)) })); } catch (e) { /* the panel still has it */ }
        }
        return result;
      };
    });
    window[is12 ? 'API' : 'API_1484_11'] = wrapped;
  }

  function scormCmi() {
    return S.api ? JSON.parse(JSON.stringify(S.api.cmi)) : null;
  }

  // ---------------------------------------------------------------- xAPI / cmi5

  function lrsCall(entry) {
    // A document read that finds nothing is how a first launch starts: not a failure.
    var absent = entry.status === 404 && entry.method === 'GET' && entry.resource !== 'statements';
    return { lrs: true, seq: entry.seq, fn: entry.method + ' ' + entry.resource, params: entry.params, error: String(entry.status), ok: entry.status < 400 || absent, note: absent ? 'none yet' : '', errorText: entry.error, time: entry.time };
  }

  function onLrsEvent(e) {
    if (!isLrs() || !S.launch) return;
    var seen = S.seen || (S.seen = {});
    if (e.type === 'lrs') {
      var reg = e.entry.params.registration;
      if ((reg && reg !== registration()) || seen['r' + e.entry.seq]) return;
      seen['r' + e.entry.seq] = true;
      S.calls.push(lrsCall(e.entry));
    } else if (e.type === 'statement') {
      if (get(e.statement, 'context.registration') !== registration() || seen['s' + e.statement.id]) return;
      seen['s' + e.statement.id] = true;
      S.statements.push(e.statement);
    } else if (e.type === 'document') {
      if (e.params.registration !== registration()) return;
      var body = e.body ? JSON.parse(e.body) : null;
      if (e.params.stateId === STATE_ID) S.stateDoc = body;
      if (e.params.stateId === LAUNCH_DATA) S.launchData = body;
    }
    render();
  }

  function verbOf(s) { return String(get(s, 'verb.id') || '').split('/').pop(); }

  /** Status, score and progress as an LRS report would read them from the statements. */
  function lrsSummary() {
    var out = { completed: false, success: 'unknown', score: null, progress: null, initialized: false, terminated: false };
    S.statements.forEach(function (s) {
      var v = verbOf(s);
      if (v === 'initialized') out.initialized = true;
      if (v === 'completed') out.completed = true;
      if (v === 'passed' || v === 'failed') out.success = v;
      if (v === 'terminated' || v === 'abandoned') out.terminated = v;
      if (v === 'launched' || v === 'initialized') out.terminated = false;
      var score = get(s, 'result.score');
      if (score && (v === 'passed' || v === 'failed' || v === 'completed')) out.score = score;
      var ext = get(s, 'result.extensions') || {};
      Object.keys(ext).forEach(function (k) { if (/progress$/.test(k)) out.progress = ext[k]; });
    });
    if (out.completed) out.progress = 100;
    return out;
  }

  // ---------------------------------------------------------------- the learner's data, per standard

  function snapshot() {
    var b = S.build || {};
    if (isScorm()) {
      var cmi = scormCmi() || {};
      var is12 = S.target === 'scorm12';
      return {
        cmi: cmi,
        location: is12 ? get(cmi, 'core.lesson_location') : cmi.location,
        suspend: cmi.suspend_data || '',
        limit: b.suspendData && b.suspendData.limit,
        interactions: Object.keys(cmi.interactions || {}).map(function (k) {
          var i = cmi.interactions[k];
          return { n: k, id: i.id, type: i.type, response: is12 ? i.student_response : i.learner_response, result: i.result, time: is12 ? i.time : i.timestamp, correct: Object.keys(i.correct_responses || {}).map(function (c) { return i.correct_responses[c].pattern; }).join(' | ') };
        }),
      };
    }
    if (isLrs()) {
      var doc = S.stateDoc || {};
      return {
        location: doc.location,
        suspend: doc.bookmark || '',
        limit: undefined,
        interactions: S.statements.filter(function (s) { return verbOf(s) === 'answered'; }).map(function (s, n) {
          var def = get(s, 'object.definition') || {};
          return { n: n, id: String(get(s, 'object.id') || '').split('/').pop(), type: def.interactionType, response: get(s, 'result.response'), result: get(s, 'result.success') === undefined ? 'neutral' : get(s, 'result.success') ? 'correct' : 'incorrect', time: s.timestamp, correct: (def.correctResponsesPattern || []).join(' | ') };
        }),
      };
    }
    // web: the runtime keeps { location, bookmark } in this browser's localStorage
    var web = readWebStore();
    return { location: web && web.location, suspend: (web && web.bookmark) || '', limit: undefined, interactions: [] };
  }

  function readWebStore() {
    if (!S.build) return null;
    try {
      return JSON.parse(localStorage.getItem('coursepack:' + S.build.courseId + ':' + S.build.lang) || 'null');
    } catch (e) {
      return null;
    }
  }

  function decoded(raw) {
    if (!raw) return { ok: false, reason: 'empty' };
    var key = S.target + '|' + S.lang + '|' + (S.build && S.build.gen) + '|' + raw;
    var hit = S.decoded[key];
    if (hit) return hit;
    S.decoded[key] = { pending: true };
    postJson('/api/decode', { target: S.target, lang: S.lang, data: raw }).then(function (d) {
      S.decoded[key] = d;
      render();
    });
    return S.decoded[key];
  }

  // ---------------------------------------------------------------- drawing

  function row(label, value, id, cls) {
    return '<div class="row' + (cls ? ' ' + cls : '') + '"><dt>' + esc(label) + '</dt><dd' + (id ? ' id="' + id + '"' : '') + '>' + value + '</dd></div>';
  }
  function badge(value, kind) {
    var text = value === undefined || value === null || value === '' ? '—' : value;
    return '<span class="badge ' + (kind || tone(text)) + '">' + esc(text) + '</span>';
  }
  function tone(v) {
    if (/^(passed|completed|correct|true)$/.test(v)) return 'good';
    if (/^(failed|incorrect|wrong|false)$/.test(v)) return 'bad';
    if (/^(incomplete|browsed|unknown|neutral)$/.test(v)) return 'mid';
    return 'plain';
  }
  function mono(v) {
    return v === undefined || v === null || v === '' ? '<span class="none">—</span>' : '<code>' + esc(v) + '</code>';
  }
  function pageTitle(id) {
    var p = S.build && S.build.pages ? S.build.pages.find(function (x) { return x.id === id; }) : null;
    return p ? ' <span class="muted">' + esc(p.title) + '</span>' : '';
  }

  function drawSummary(snap) {
    var html = '';
    var cmi = snap.cmi;
    if (S.target === 'scorm12') {
      html += row('Status', badge(get(cmi, 'core.lesson_status')), 'status');
      html += row('Score', scoreText(get(cmi, 'core.score.raw'), get(cmi, 'core.score.min'), get(cmi, 'core.score.max')), 'score');
      html += row('Location', mono(snap.location) + pageTitle(snap.location), 'location');
      html += row('Entry · exit', mono(S.entry) + ' · ' + mono(get(cmi, 'core.exit')), 'entry');
      html += row('Time', mono(get(cmi, 'core.session_time')) + ' <span class="muted">session</span>', 'time');
    } else if (S.target === 'scorm2004') {
      html += row('Status', badge(cmi.completion_status) + ' ' + badge(cmi.success_status), 'status');
      html += row('Score', cmi.score && cmi.score.scaled !== '' ? scoreText(cmi.score.raw, cmi.score.min, cmi.score.max) + ' <span class="muted">scaled ' + esc(cmi.score.scaled) + '</span>' : scoreText(''), 'score');
      html += row('Progress', cmi.progress_measure === '' || cmi.progress_measure === undefined ? '<span class="none">—</span>' : esc(Math.round(Number(cmi.progress_measure) * 100)) + ' %', 'progress');
      html += row('Location', mono(snap.location) + pageTitle(snap.location), 'location');
      html += row('Entry · exit', mono(S.entry) + ' · ' + mono(cmi.exit), 'entry');
      html += row('Time', mono(cmi.session_time) + ' <span class="muted">session</span>', 'time');
    } else if (isLrs()) {
      var sum = lrsSummary();
      html += row('Status', badge(sum.completed ? 'completed' : sum.initialized ? 'incomplete' : 'not attempted') + ' ' + badge(sum.success), 'status');
      html += row('Score', sum.score ? scoreText(sum.score.raw, sum.score.min, sum.score.max) + ' <span class="muted">scaled ' + esc(sum.score.scaled) + '</span>' : scoreText(''), 'score');
      html += row('Progress', sum.progress === null ? '<span class="none">—</span>' : esc(sum.progress) + ' %', 'progress');
      html += row('Location', mono(snap.location) + pageTitle(snap.location), 'location');
      html += row('Registration', mono(registration()), 'registration');
      if (S.target === 'cmi5' && S.launchData) {
        html += row('Launch data', esc(S.launchData.launchMode) + ' · moveOn ' + esc(S.launchData.moveOn) + (S.launchData.masteryScore !== undefined ? ' · mastery ' + esc(S.launchData.masteryScore) : ''), 'launch-data');
      }
    } else {
      html += row('Status', badge('not tracked', 'plain'), 'status');
      html += row('Location', mono(snap.location) + pageTitle(snap.location), 'location');
      html += row('Storage', '<span class="muted">a web package reports to no platform: it keeps its place in this browser (localStorage)</span>', 'storage');
    }
    if (isScorm()) {
      var dirty = S.committed !== null && S.api && JSON.stringify(S.api.cmi) !== S.committed;
      html += row('Commits', esc(S.commits) + (S.lastCommit ? ' <span class="muted">last ' + time(S.lastCommit) + '</span>' : '') + (dirty ? ' <span class="badge mid" title="Values set since the last Commit: an LMS would lose them if the window closed now">uncommitted changes</span>' : ''), 'commits');
    }
    setHtml($('summary'), html);
  }

  function scoreText(raw, min, max) {
    if (raw === undefined || raw === null || raw === '') return '<span class="none">—</span>';
    return '<strong>' + esc(raw) + '</strong>' + (max !== undefined && max !== '' ? ' <span class="muted">/ ' + esc(max) + (min !== undefined && min !== '' ? ' (min ' + esc(min) + ')' : '') + '</span>' : '');
  }

  function drawSuspendMeter(snap) {
    var size = snap.suspend.length;
    var limit = snap.limit;
    var worst = S.build && S.build.suspendData ? S.build.suspendData.worstCase : 0;
    var text = num(size) + (limit ? ' / ' + num(limit) : '') + ' chars';
    $('suspend-size').innerHTML = esc(text) + ' <span class="muted">· worst case ' + num(worst) + (limit ? '' : ' · no limit') + '</span>';
    $('suspend-size').title = limit ? 'The ' + S.build.label + ' limit is ' + num(limit) + ' characters; this course can write at most ' + num(worst) + '.' : (S.build ? S.build.label : S.target) + ' sets no size limit; this course can write at most ' + num(worst) + ' characters.';
    var scale = limit || Math.max(worst, size, 1);
    var used = $('suspend-meter').querySelector('.used');
    var mark = $('suspend-meter').querySelector('.worst');
    used.style.width = Math.min(100, (size / scale) * 100) + '%';
    used.className = 'used' + (limit && size > limit ? ' over' : '');
    mark.style.left = Math.min(100, (worst / scale) * 100) + '%';
    mark.hidden = !limit;
    $('suspend-box').dataset.size = String(size);
  }

  function drawBookmark(snap) {
    var raw = snap.suspend;
    var html = '';
    if (!raw) {
      html = '<p class="empty">No suspend data yet: the course writes it at its first checkpoint.</p>';
    } else {
      var d = decoded(raw);
      if (d.pending) html += '<p class="muted">Decoding…</p>';
      else if (!d.ok) html += '<p class="warn">' + esc(d.reason) + '</p>';
      else {
        html += '<dl class="kv">';
        html += '<div><dt>Page</dt><dd id="bm-page">' + esc(d.page.index + 1) + ' of ' + esc(d.visited.of) + ' · <code>' + esc(d.page.id) + '</code> <span class="muted">' + esc(d.page.title) + '</span></dd></div>';
        html += '<div><dt>Visited</dt><dd id="bm-visited">' + esc(d.visited.count) + ' of ' + esc(d.visited.of) + ' pages</dd></div>';
        html += '<div><dt>Session</dt><dd>' + esc(d.session) + ' <span class="muted">· quiz seed ' + esc(d.quizSeed) + '</span></dd></div>';
        html += '</dl>';
        html += '<table class="grid" id="bm-answers"><caption>Answers kept (' + d.answers.length + ' of ' + (d.answers.length + d.unanswered) + ')</caption><thead><tr><th>Question</th><th>Type</th><th>Answer</th></tr></thead><tbody>';
        d.answers.forEach(function (a) {
          html += '<tr data-question="' + esc(a.id) + '"><td><code>' + esc(a.id) + '</code></td><td>' + esc(a.type) + (a.role === 'quiz' ? ' <span class="tag">quiz</span>' : '') + '</td><td>' + esc(a.answer) + '</td></tr>';
        });
        if (!d.answers.length) html += '<tr><td colspan="3" class="empty">No answers yet</td></tr>';
        html += '</tbody></table>';
      }
      html += '<h3>Raw</h3><pre class="raw" id="bm-raw">' + esc(raw) + '</pre>';
    }
    setHtml($('pane-suspend'), html);
  }

  function drawInteractions(snap) {
    var list = snap.interactions;
    $('count-interactions').textContent = String(list.length);
    if (S.target === 'web') {
      setHtml($('pane-interactions'), '<p class="empty">A web package records no interactions.</p>');
      return;
    }
    var html = '<table class="grid" id="interactions"><thead><tr><th>#</th><th>Id</th><th>Type</th><th>Response</th><th>Result</th></tr></thead><tbody>';
    list.forEach(function (i) {
      html += '<tr title="' + esc('correct: ' + i.correct + '\ntime: ' + (i.time || '')) + '"><td>' + esc(i.n) + '</td><td><code>' + esc(i.id) + '</code></td><td>' + esc(i.type) + '</td><td class="wrap"><code>' + esc(i.response) + '</code></td><td>' + badge(i.result) + '</td></tr>';
    });
    if (!list.length) html += '<tr><td colspan="5" class="empty">No interactions yet: answer a question.</td></tr>';
    setHtml($('pane-interactions'), html + '</tbody></table>');
  }

  function drawCalls() {
    var list = S.calls;
    var real = list.filter(function (c) { return !c.separator; });
    var failed = real.filter(function (c) { return c.lrs ? !c.ok : c.error !== '0'; }).length;
    $('count-calls').textContent = String(real.length);
    $('count-calls').className = 'count' + (failed ? ' bad' : '');
    $('calls-label').textContent = isLrs() ? 'Requests' : 'API calls';
    var pane = $('pane-calls');
    if (S.target === 'web') {
      setHtml(pane, '<p class="empty">A web package calls no LMS API.</p>');
      return;
    }
    var atBottom = pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 8;
    var shown = list.slice(-600);
    var html = '<p class="muted calls-note">' + (isLrs() ? 'Every request the course made to the LRS, with its HTTP status.' : 'Every call the course made, with the error code GetLastError gave after it.') + (failed ? ' <strong class="bad-text">' + failed + ' failed.</strong>' : '') + (list.length > shown.length ? ' Showing the last ' + shown.length + '.' : '') + '</p>';
    html += '<ol class="calls" id="calls">';
    shown.forEach(function (c) {
      if (c.separator) {
        html += '<li class="sep">' + esc(c.text) + '</li>';
        return;
      }
      var bad = c.lrs ? !c.ok : c.error !== '0';
      var args = c.lrs ? Object.keys(c.params || {}).filter(function (k) { return k !== 'agent' && k !== 'activityId' && !(k === 'registration' && c.params[k] === registration()); }).map(function (k) { return k + '=' + c.params[k]; }).join(' ') : c.args.map(function (a) { return JSON.stringify(a); }).join(', ');
      var call = c.fn + (c.lrs ? ' ' + args : '(' + args + ')');
      var result = c.lrs ? '' : JSON.stringify(c.result);
      html += '<li class="' + (bad ? 'bad' : '') + '"><span class="t">' + time(c.time) + '</span><span class="fn" title="' + esc(call) + '">' + esc(c.fn) + (c.lrs ? ' ' : '(') + '<span class="args">' + esc(args) + '</span>' + (c.lrs ? '' : ')') + '</span>' + (c.lrs ? '' : '<span class="res" title="' + esc(result) + '">→ ' + esc(result) + '</span>') + '<span class="code' + (bad ? ' bad' : c.note ? ' note' : '') + '" title="' + esc(c.errorText || '') + '">' + (c.lrs ? '' : 'error ') + esc(c.error) + (c.note ? ' ' + esc(c.note) : '') + '</span>' + (bad && c.errorText ? '<span class="why">' + esc(c.errorText) + '</span>' : '') + '</li>';
    });
    html += '</ol>';
    if (setHtml(pane, html) && atBottom) pane.scrollTop = pane.scrollHeight;
  }

  function statementSummary(s) {
    var r = s.result || {};
    var parts = [];
    if (r.score) parts.push('score ' + (r.score.raw !== undefined ? r.score.raw : r.score.scaled));
    if (r.success !== undefined) parts.push(r.success ? 'success' : 'no success');
    if (r.completion !== undefined) parts.push(r.completion ? 'complete' : 'incomplete');
    if (r.response !== undefined) parts.push('response ' + JSON.stringify(r.response));
    var ext = r.extensions || {};
    Object.keys(ext).forEach(function (k) { if (/progress$/.test(k)) parts.push('progress ' + ext[k] + ' %'); });
    if (r.duration) parts.push(r.duration);
    return parts.join(' · ');
  }

  function objectName(s) {
    var def = get(s, 'object.definition') || {};
    var name = def.name ? def.name[Object.keys(def.name)[0]] : '';
    return name || String(get(s, 'object.id') || '').split('/').slice(-2).join('/');
  }

  function drawStatements() {
    var tab = $('tab-statements');
    tab.hidden = !isLrs();
    $('count-statements').textContent = String(S.statements.length);
    if (!isLrs()) {
      setHtml($('pane-statements'), '');
      return;
    }
    var html = '<ol class="statements" id="statements">';
    S.statements.forEach(function (s, n) {
      var v = verbOf(s);
      html += '<li data-verb="' + esc(v) + '"><details data-id="' + esc(s.id) + '"' + (S.open[s.id] ? ' open' : '') + '><summary><span class="t">' + time(s.timestamp) + '</span><span class="verb ' + esc(tone(v) === 'plain' ? 'v-' + v : tone(v)) + '">' + esc(v) + '</span><span class="obj">' + esc(objectName(s)) + '</span><span class="res muted">' + esc(statementSummary(s)) + '</span></summary><pre class="raw">' + esc(JSON.stringify(s, null, 2)) + '</pre></details></li>';
    });
    if (!S.statements.length) html += '<li class="empty">No statements yet.</li>';
    setHtml($('pane-statements'), html + '</ol>');
  }

  function drawRaw(snap) {
    var html = '';
    if (isScorm()) html += '<h3>CMI data model (scorm-again)</h3><pre class="raw">' + esc(JSON.stringify(snap.cmi, null, 2)) + '</pre>';
    else if (isLrs()) {
      html += '<h3>State document <code>' + STATE_ID + '</code></h3><pre class="raw">' + esc(S.stateDoc ? JSON.stringify(S.stateDoc, null, 2) : '(none yet)') + '</pre>';
      if (S.launchData) html += '<h3>LMS.LaunchData</h3><pre class="raw">' + esc(JSON.stringify(S.launchData, null, 2)) + '</pre>';
      if (S.launch) html += '<h3>Launch URL</h3><pre class="raw">' + esc(decodeURIComponent(S.launch.url)) + '</pre>';
    } else html += '<h3>localStorage</h3><pre class="raw">' + esc(JSON.stringify(readWebStore(), null, 2)) + '</pre>';
    setHtml($('pane-raw'), html);
  }

  function drawWho() {
    if (!S.launch) return;
    var l = S.launch;
    $('who').innerHTML = esc(l.learner.name) + ' <code>' + esc(l.learner.id) + '</code> · launch ' + esc(l.session) + (isScorm() ? ' · entry <code id="entry-value">' + esc(S.entry) + '</code>' : '');
  }

  function draw() {
    if (!S.build || !S.build.ok) return;
    var snap = snapshot();
    drawWho();
    drawSummary(snap);
    drawSuspendMeter(snap);
    var pane = S.tab;
    if (pane === 'statements' && !isLrs()) pane = 'suspend';
    drawBookmark(snap);
    drawInteractions(snap);
    drawCalls();
    drawStatements();
    drawRaw(snap);
    selectTab(pane, false);
  }

  function selectTab(name, focus) {
    var opening = S.tab !== name;
    S.tab = name;
    ['suspend', 'interactions', 'calls', 'statements', 'raw'].forEach(function (t) {
      var on = t === name;
      $('tab-' + t).setAttribute('aria-selected', String(on));
      $('tab-' + t).tabIndex = on ? 0 : -1;
      $('pane-' + t).hidden = !on;
    });
    if (focus) $('tab-' + name).focus();
    // The newest calls are the interesting ones: open the log at its end.
    if (opening && name === 'calls') $('pane-calls').scrollTop = $('pane-calls').scrollHeight;
  }

  // ---------------------------------------------------------------- build status and errors

  function applyBuild(build) {
    S.build = build.ok ? build : S.build && S.build.ok ? Object.assign({}, S.build, { failed: build }) : build;
    var chip = $('build');
    if (!build.ok) {
      chip.className = 'build bad';
      $('build-text').textContent = 'Content errors · ' + time();
      showErrors(build);
      return;
    }
    hideErrors();
    chip.className = 'build ok';
    var warn = build.warnings && build.warnings.length ? ' · ' + build.warnings.length + ' warning' + (build.warnings.length > 1 ? 's' : '') : '';
    $('build-text').textContent = 'Built in ' + build.ms + ' ms · ' + time() + warn;
    chip.title = (build.warnings || []).map(function (d) { return d.file + ':' + d.line + '  ' + d.message; }).join('\n');
    $('course-title').textContent = build.title;
    $('course-title').title = build.title + ' (' + S.info.courseDir + ')';
    document.title = build.title + ' · Coursepack preview';
    fillLanguages(build.languages, build.lang);
  }

  function showErrors(build) {
    var list = build.diagnostics || [];
    var errors = list.filter(function (d) { return d.severity === 'error'; });
    $('errors-title').textContent = errors.length ? 'The course has ' + errors.length + ' content error' + (errors.length > 1 ? 's' : '') : 'The course could not be built';
    var html = '';
    list.forEach(function (d) {
      html += '<li class="' + esc(d.severity) + '"><div class="where"><code>' + esc(d.file + ':' + d.line + ':' + d.column) + '</code> <span class="rule">' + esc(d.rule) + '</span></div><div class="msg">' + esc(d.message) + '</div>' + (d.hint ? '<div class="hint">' + esc(d.hint) + '</div>' : '') + '</li>';
    });
    if (!list.length) html = '<li class="error"><div class="msg">' + esc(build.message) + '</div></li>';
    $('errors-list').innerHTML = html;
    $('errors').hidden = false;
  }

  function hideErrors() {
    $('errors').hidden = true;
  }

  function showProblem(message) {
    showErrors({ ok: false, diagnostics: [], message: message });
  }

  function fillLanguages(languages, current) {
    var select = $('lang');
    var have = Array.prototype.map.call(select.options, function (o) { return o.value; }).join(',');
    if (have !== languages.join(',')) {
      select.innerHTML = languages.map(function (l) { return '<option value="' + esc(l) + '">' + esc(l) + '</option>'; }).join('');
    }
    select.value = current;
  }

  function remember() {
    var q = new URLSearchParams(location.search);
    q.set('standard', S.target);
    if (S.lang) q.set('lang', S.lang);
    history.replaceState(null, '', '?' + q.toString());
  }

  // ---------------------------------------------------------------- events

  function listen() {
    var events = new EventSource('/api/events');
    events.onmessage = function (message) {
      var e = JSON.parse(message.data);
      if (e.type === 'hello') {
        // The server was restarted: its learner records are new, so start the page over.
        if (S.instance && S.instance !== e.instance) location.reload();
        S.instance = e.instance;
      } else if (e.type === 'changed') {
        schedule(async function () {
          var build = await getJson('/api/build?target=' + S.target + '&lang=' + encodeURIComponent(S.lang));
          if (!build.ok) return applyBuild(build);
          await launch('rebuilt');
        });
      } else if (e.type === 'commit') {
        if (S.launch && e.slot === S.launch.slot && e.session === S.apiSession) {
          S.lastCommit = e.at;
          render();
        }
      } else if (e.type === 'lrs' || e.type === 'statement' || e.type === 'document') onLrsEvent(e);
    };
  }

  function clearDeviceStorage() {
    [localStorage, sessionStorage].forEach(function (store) {
      try {
        Object.keys(store).filter(function (k) { return k.indexOf('coursepack:') === 0; }).forEach(function (k) { store.removeItem(k); });
      } catch (e) { /* storage unavailable */ }
    });
  }

  function wire() {
    $('standard').addEventListener('change', function () {
      var target = $('standard').value;
      schedule(async function () {
        S.target = target;
        S.calls = [];
        S.statements = [];
        remember();
        await launch('');
      });
    });
    $('lang').addEventListener('change', function () {
      var lang = $('lang').value;
      schedule(async function () {
        S.lang = lang;
        S.calls = [];
        S.statements = [];
        remember();
        await launch('');
      });
    });
    $('relaunch').addEventListener('click', function () {
      schedule(function () { return launch('returning learner'); });
    });
    $('reset').addEventListener('click', function () {
      schedule(async function () {
        await unload();
        removeScormApi();
        await postJson('/api/reset');
        clearDeviceStorage();
        S.calls = [];
        S.statements = [];
        await launch('new learner');
      });
    });
    var tabs = ['suspend', 'interactions', 'calls', 'statements', 'raw'];
    tabs.forEach(function (t, i) {
      $('tab-' + t).addEventListener('click', function () { selectTab(t, false); render(); });
      $('tab-' + t).addEventListener('keydown', function (e) {
        if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
        var visible = tabs.filter(function (x) { return !$('tab-' + x).hidden; });
        var at = visible.indexOf(t) + (e.key === 'ArrowRight' ? 1 : -1);
        selectTab(visible[(at + visible.length) % visible.length], true);
        render();
      });
    });
    $('pane-statements').addEventListener('toggle', function (e) {
      var id = e.target && e.target.dataset ? e.target.dataset.id : '';
      if (id) S.open[id] = e.target.open;
    }, true);
    // The web package writes its place to localStorage from the frame (same origin).
    window.addEventListener('storage', function (e) { if (e.key && e.key.indexOf('coursepack:') === 0) render(); });
    frame.addEventListener('load', render);
    // SCORM values can change without an API call we see (scorm-again sets some itself): refresh now and then.
    setInterval(function () { if (S.target === 'web' || isScorm()) render(); }, 1500);
  }

  async function start() {
    S.info = await getJson('/api/info');
    var q = new URLSearchParams(location.search);
    var targets = S.info.targets.map(function (t) { return t.id; });
    S.target = targets.indexOf(q.get('standard')) >= 0 ? q.get('standard') : targets.indexOf(S.info.defaultTarget) >= 0 ? S.info.defaultTarget : targets[0];
    S.lang = q.get('lang') || '';
    $('standard').innerHTML = S.info.targets.map(function (t) { return '<option value="' + esc(t.id) + '">' + esc(t.label) + '</option>'; }).join('');
    $('standard').value = S.target;
    wire();
    listen();
    if (typeof window.Scorm12API !== 'function') showProblem('scorm-again did not load: SCORM cannot be emulated.');
    schedule(async function () {
      await launch('');
      remember();
    });
  }

  start().catch(function (error) { showProblem('The preview could not start: ' + error.message); });
})();
