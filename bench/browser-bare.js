// The bare work of tracking in a browser with persistence on, with no tracker: what any
// tracker that follows the Snowplow protocol and keeps its queue in localStorage must
// do per event. An event id, the Iglu URI check, the two JSON texts (event and entities,
// with the page's web_page entity), the event's JSON with the page fields (res, vp, cd,
// tz, lang, cs, ds, url) and identity fields,
// then, in a later task, one localStorage write of the burst and POSTs of up to 40 KB.
// It exposes the same command function as the isotrack UMD, so the bench page drives it
// the same way. It is a yardstick: no retries, no acknowledgements, no size limits.
(function () {
  var POST = '{"schema":"iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4","data":[';
  var IGLU = /^iglu:[a-zA-Z0-9\-_.]+\/[a-zA-Z0-9\-_]+\/[a-zA-Z0-9\-_]+\/[0-9]+-[0-9]+-[0-9]+$/;
  var pageView = { schema: 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0', data: { id: crypto.getRandomValues(new Uint32Array(4)).join('-') } };
  var duid = crypto.getRandomValues(new Uint32Array(4)).join('-');
  var sid = crypto.getRandomValues(new Uint32Array(4)).join('-');
  var pool = new Uint8Array(0), at = 0, queue = [], scheduled = false, collector = '';
  // The page fields the protocol asks of a browser, each read as seldom as it can be: the
  // fixed ones once, the viewport and document size once per task (they change rarely,
  // and reading the document size may force a layout).
  var res = screen.width + 'x' + screen.height, cd = String(screen.colorDepth), tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var vp = null, ds = null;
  function readSizes() {
    var root = document.documentElement;
    vp = innerWidth + 'x' + innerHeight;
    ds = root.scrollWidth + 'x' + root.scrollHeight;
    queueMicrotask(function () { vp = ds = null; });
  }

  var hex = [];
  for (var byte = 0; byte < 256; byte++) hex.push((byte + 256).toString(16).slice(1));
  // 16 random bytes as hex (the dashes and version bits are left out: they cost nothing).
  function id() {
    if (at >= pool.length) (pool = crypto.getRandomValues(new Uint8Array(4096))), (at = 0);
    var b = pool, i = at;
    at += 16;
    return hex[b[i]] + hex[b[i + 1]] + hex[b[i + 2]] + hex[b[i + 3]] + hex[b[i + 4]] + hex[b[i + 5]] + hex[b[i + 6]] + hex[b[i + 7]] +
      hex[b[i + 8]] + hex[b[i + 9]] + hex[b[i + 10]] + hex[b[i + 11]] + hex[b[i + 12]] + hex[b[i + 13]] + hex[b[i + 14]] + hex[b[i + 15]];
  }

  function send() {
    scheduled = false;
    var burst = queue;
    queue = [];
    localStorage.setItem('bare' + Date.now(), burst.join('\n'));
    for (var start = 0; start < burst.length; ) {
      var body = POST, bytes = 0, first = true;
      while (start < burst.length && (first || bytes + burst[start].length < 40000)) {
        body += (first ? '' : ',') + burst[start];
        bytes += burst[start++].length;
        first = false;
      }
      fetch(collector + '/com.snowplowanalytics.snowplow/tp2', { method: 'POST', body: body + ']}', headers: { 'Content-Type': 'application/json; charset=utf-8' }, keepalive: false });
    }
  }

  var tracker = {
    trackSelfDescribingEvent: function (args) {
      var event = args.event, contexts = args.context || [];
      if (!IGLU.test(event.schema)) throw new TypeError('event.schema');
      for (var i = 0; i < contexts.length; i++) if (!IGLU.test(contexts[i].schema)) throw new TypeError('context');
      var eid = id();
      if (vp === null) readSizes();
      var json = JSON.stringify({
        e: 'ue', eid: eid, tv: 'bare-0', tna: 'sp', aid: 'bench', p: 'web', dtm: String(Date.now()),
        url: location.href, res: res, vp: vp, cd: cd, tz: tz, ds: ds,
        lang: navigator.language, cs: document.characterSet, duid: duid, sid: sid, vid: '1',
        ue_pr: '{"schema":"iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0","data":' + JSON.stringify(event) + '}',
        co: '{"schema":"iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-0","data":' + JSON.stringify(contexts.concat(pageView)) + '}',
      });
      queue.push(json);
      if (!scheduled) (scheduled = true), setTimeout(send);
      return eid;
    },
  };

  window.isotrack = function (command, namespace, endpoint) {
    if (typeof command == 'function') return command({ sp: tracker });
    if (command == 'newTracker') collector = endpoint;
  };
})();
