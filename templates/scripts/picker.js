/*
 * Language picker of a package holding several languages (coursepack build --bundle-languages):
 * index.html lists the languages, each language is a complete course in its own folder.
 *
 * The learner's language is kept where their progress is kept. Under a SCORM LMS this page opens
 * the one LMS session itself, reads the saved language from the location ("fr:page-id"), and shows
 * the chosen language in a frame whose player finds this page's stand-in API first: the stand-in
 * answers Initialize from the open session and adds or strips the language prefix, so one
 * Initialize and one Terminate reach the LMS. Without an LMS (web, xAPI, cmi5, SCORM opened
 * directly) the language is kept in this browser and the launch query string is passed on.
 */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('cp-picker').textContent);
  var links = Array.prototype.slice.call(document.querySelectorAll('a[data-lang]'));
  var storeKey = 'coursepack:' + config.course + ':language';
  var known = function (lang) {
    return links.some(function (a) { return a.getAttribute('data-lang') === lang; });
  };
  var linkOf = function (lang) {
    return links.filter(function (a) { return a.getAttribute('data-lang') === lang; })[0];
  };

  /** The LMS API up the parent chain, then the opener's (cross-origin frames throw: not there). */
  function lookFor(name) {
    var starts = [window.parent === window ? null : window.parent];
    try { starts.push(window.top && window.top.opener); } catch (e) { /* cross-origin */ }
    for (var s = 0; s < starts.length; s++) {
      for (var win = starts[s], depth = 0; win && depth < 500; depth++) {
        try { if (win[name]) return win[name]; } catch (e) { /* cross-origin: keep climbing */ }
        var parent = null;
        try { parent = win.parent; } catch (e) { parent = null; }
        if (!parent || parent === win) break;
        win = parent;
      }
    }
    return undefined;
  }

  /** Polls for about two seconds, as the player does: a slow LMS frame may create its API late. */
  function findApi(name) {
    return new Promise(function (resolve) {
      var tries = 0;
      (function look() {
        var api = lookFor(name);
        if (api || ++tries > 8) resolve(api);
        else setTimeout(look, 250);
      })();
    });
  }

  function scormSession(api) {
    var v12 = config.api === 'API';
    var n = v12
      ? { init: 'LMSInitialize', end: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', error: 'LMSGetLastError', text: 'LMSGetErrorString', diag: 'LMSGetDiagnostic' }
      : { init: 'Initialize', end: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', error: 'GetLastError', text: 'GetErrorString', diag: 'GetDiagnostic' };
    var location = v12 ? 'cmi.core.lesson_location' : 'cmi.location';
    var prefix = /^([A-Za-z0-9-]+):/;
    if (String(api[n.init]('')) !== 'true') return undefined;
    // A first attempt has no location: reading it anyway is an error in SCORM 2004.
    var fresh = api[n.get](v12 ? 'cmi.core.entry' : 'cmi.entry') === 'ab-initio';
    var saved = fresh ? null : prefix.exec(String(api[n.get](location) || ''));
    var session = { saved: saved && known(saved[1]) ? saved[1] : '', lang: '', started: false, ended: false };
    // Mark the attempt started and suspended now, as the player does, so a learner who closes the
    // window here leaves a sane record even if nothing sent at unload arrives (1.2 LMSes may turn a
    // SCO that never set its status into "completed").
    var status = v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status';
    var mode = String(api[n.get](v12 ? 'cmi.core.lesson_mode' : 'cmi.mode'));
    if (mode !== 'browse' && mode !== 'review' && /^(|not attempted|unknown)$/.test(String(api[n.get](status)))) {
      api[n.set](status, 'incomplete');
      api[n.set](v12 ? 'cmi.core.exit' : 'cmi.exit', 'suspend');
      api[n.commit]('');
    }
    // The player asks GetLastError right after Initialize: answer for the stand-in, not for the read above.
    var justStarted = false;
    var stand = {};
    var call = function (name, args) {
      justStarted = false;
      return api[name].apply(api, args);
    };
    stand[n.init] = function () { session.started = justStarted = true; return 'true'; };
    stand[n.end] = function () { session.ended = true; return call(n.end, arguments); };
    stand[n.get] = function (el) {
      var value = String(call(n.get, arguments));
      return el === location ? value.replace(prefix, '') : value;
    };
    stand[n.set] = function (el, value) {
      return call(n.set, el === location ? [el, session.lang + ':' + value] : arguments);
    };
    stand[n.commit] = function () { return call(n.commit, arguments); };
    stand[n.error] = function () { return justStarted ? '0' : api[n.error](); };
    stand[n.text] = function (code) { return api[n.text](code); };
    stand[n.diag] = function (code) { return api[n.diag](code); };
    window[config.api] = stand;
    // Closed before choosing: end the session this page opened (the player in the frame ends its own).
    window.addEventListener('pagehide', function () {
      if (session.started || session.ended) return;
      session.ended = true;
      api[n.end]('');
    });
    return session;
  }

  function remembered() {
    var asked = /[?&]lang=([A-Za-z0-9-]+)/.exec(window.location.search);
    if (asked) return asked[1];
    if (/[?&]choose\b/.test(window.location.search)) return '';
    try { return window.localStorage.getItem(storeKey) || ''; } catch (e) { return ''; }
  }

  function open(lang, session) {
    var link = linkOf(lang);
    if (!session) {
      try { window.localStorage.setItem(storeKey, lang); } catch (e) { /* private mode: ask again next time */ }
      window.location.replace(link.getAttribute('href') + window.location.search);
      return;
    }
    session.lang = lang;
    var frame = document.createElement('iframe');
    frame.className = 'cp-course-frame';
    frame.title = link.querySelector('span').textContent;
    frame.src = link.getAttribute('href') + window.location.search;
    frame.addEventListener('load', function () { frame.focus(); });
    document.documentElement.lang = lang;
    document.documentElement.dir = link.getAttribute('dir') || 'ltr';
    document.getElementById('cp-main').hidden = true;
    document.body.classList.add('cp-framed');
    document.body.appendChild(frame);
  }

  var ready = (config.api ? findApi(config.api) : Promise.resolve(undefined)).then(function (api) {
    return api ? scormSession(api) : undefined;
  });
  links.forEach(function (a) {
    a.addEventListener('click', function (e) {
      e.preventDefault();
      ready.then(function (session) { open(a.getAttribute('data-lang'), session); });
    });
  });
  ready.then(function (session) {
    var saved = session ? session.saved : remembered();
    if (saved && known(saved)) open(saved, session);
  });
})();
