// The test LMS's API layer: wraps scorm-again the way a real LMS answers, faults included, and
// stores every commit by synchronous XHR (as Moodle does). Profiles come from launcher.html's query:
//   client=moodle   SCORM 2004 commits send only the elements whose value differs from launch
//                   (Moodle's own client API); otherwise every element is sent (scorm-again)
//   flaky=0.5       Commit and Finish/Terminate fail with this probability (seeded by seed=)
//   expire=N        after N calls every call fails: 101 (1.2) or 101/391 (2004), as an LMS whose
//                   server session has ended; with closed=1 "not initialized" instead (301, 1xx)
//   slow=100        every call blocks this many ms, as a cross-frame or network wrapper does
//   ignorecommit=1  Cornerstone-style: Commit answers true and stores nothing; Terminate stores
// window.lmsCalls lists every call with the error code it left (GetLastError itself excluded).
/* exported makeFaultyLms */
function makeFaultyLms(api, is12, q, commitUrl) {
  var names = is12
    ? { initialize: 'LMSInitialize', terminate: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', error: 'LMSGetLastError', string: 'LMSGetErrorString', diagnostic: 'LMSGetDiagnostic' }
    : { initialize: 'Initialize', terminate: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', error: 'GetLastError', string: 'GetErrorString', diagnostic: 'GetDiagnostic' };
  var flaky = Number(q.get('flaky') || 0);
  var expireAfter = Number(q.get('expire') || 0);
  var closed = q.get('closed') === '1';
  var slow = Number(q.get('slow') || 0);
  var ignoreCommit = q.get('ignorecommit') === '1';
  var moodle = q.get('client') === 'moodle' && !is12;
  var seed = Number(q.get('seed') || 1) >>> 0;
  var random = function () {
    seed = (seed + 0x6d2b79f5) >>> 0;
    var t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  var flatten = function (node, prefix, out) {
    Object.keys(node).forEach(function (k) {
      var v = node[k];
      if (v && typeof v === 'object') flatten(v, prefix + '.' + k, out);
      else out[prefix + '.' + k] = String(v);
    });
    return out;
  };
  var snapshot = function () {
    return flatten(api.renderCommitCMI(false).cmi, 'cmi', {});
  };
  var atLaunch = snapshot();
  var closedCodes = is12 ? { get: '301', set: '301', commit: '301', terminate: '301' } : { get: '122', set: '132', commit: '142', terminate: '112' };

  // Posts the data model; false when the request cannot be made. A closing page may not send a
  // synchronous request: the last one then goes by beacon, as scorm-again's own terminate does.
  function store(terminate) {
    var all = snapshot();
    var flat = {};
    Object.keys(all).forEach(function (k) {
      if (!moodle || all[k] !== atLaunch[k]) flat[k] = all[k];
    });
    var body = JSON.stringify({ flat: flat, terminate: terminate });
    try {
      var xhr = new XMLHttpRequest();
      xhr.open('POST', commitUrl, false);
      xhr.setRequestHeader('content-type', 'application/json');
      xhr.send(body);
      return xhr.status === 200;
    } catch (e) {
      return terminate && navigator.sendBeacon(commitUrl, body);
    }
  }

  var injected = null;
  var calls = 0;
  window.lmsCalls = [];
  function call(kind, args) {
    injected = null;
    if (slow) for (var until = Date.now() + slow; Date.now() < until; );
    calls++;
    var result;
    if (expireAfter && calls > expireAfter) {
      injected = closed ? closedCodes[kind] || '101' : !is12 && (kind === 'commit' || kind === 'terminate') ? '391' : '101';
      result = kind === 'get' ? '' : 'false';
    } else if (flaky && (kind === 'commit' || kind === 'terminate') && random() < flaky) {
      injected = is12 ? '101' : '391';
      result = 'false';
    } else {
      result = String(api[names[kind]].apply(api, args));
      if (result === 'true' && (kind === 'terminate' || (kind === 'commit' && !ignoreCommit)) && !store(kind === 'terminate')) {
        injected = is12 ? '101' : '391';
        result = 'false';
      }
    }
    window.lmsCalls.push({ fn: names[kind], args: Array.prototype.slice.call(args), result: result, error: injected || String(api[names.error]()) });
    return result;
  }

  var wrapped = {};
  ['initialize', 'terminate', 'get', 'set', 'commit'].forEach(function (kind) {
    wrapped[names[kind]] = function () {
      return call(kind, arguments);
    };
  });
  wrapped[names.error] = function () {
    if (slow) for (var until = Date.now() + slow; Date.now() < until; );
    window.lmsErrorCalls = (window.lmsErrorCalls || 0) + 1;
    return injected || String(api[names.error]());
  };
  wrapped[names.string] = function (c) {
    return api[names.string](c);
  };
  wrapped[names.diagnostic] = function (c) {
    return api[names.diagnostic](c);
  };
  return wrapped;
}
