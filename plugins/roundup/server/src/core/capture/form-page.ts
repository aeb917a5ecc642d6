import { createHash } from 'node:crypto';

// The capture window's script: reads the fragment the bookmarklet wrote, then drops it from the address bar.
const SCRIPT = `(function () {
  var params = new URLSearchParams(location.hash.slice(1));
  history.replaceState(null, '', location.pathname);
  var token = params.get('token') || '';
  var api = location.pathname.slice(0, location.pathname.lastIndexOf('/'));
  var form = document.getElementById('capture');
  var status = document.getElementById('status');
  form.elements.url.value = params.get('url') || '';
  var pageTitle = params.get('title') || '';
  form.elements.title.value = pageTitle;
  form.elements.commentary.value = params.get('text') || '';
  var say = function (text, kind) { status.textContent = text; status.className = kind || ''; };
  var auth = { Authorization: 'Bearer ' + token };
  if (!token) say('This bookmarklet carries no capture token: make one on the Roundups page.', 'error');
  fetch(api + '/inbox/sections', { headers: auth })
    .then(function (res) {
      if (res.status === 401 || res.status === 403) throw new Error('This capture token is not valid any more: make a new bookmarklet on the Roundups page.');
      if (!res.ok) throw new Error('Could not load the sections (HTTP ' + res.status + ').');
      return res.json();
    })
    .then(function (body) {
      body.data.forEach(function (section) {
        var option = document.createElement('option');
        option.value = section.documentId;
        option.textContent = section.name;
        form.elements.category.appendChild(option);
      });
    })
    .catch(function (error) { say(error.message, 'error'); });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var e = form.elements;
    var commentary = [e.commentary.value.trim(), e.note.value.trim()].filter(Boolean).join('\\n\\n');
    var title = e.title.value.trim();
    // The page's own title stands in until unfurl reads a better one; a title the editor typed is kept.
    var edited = title !== pageTitle.trim();
    var body = { url: e.url.value.trim(), title: edited ? title || null : null, pageTitle: edited ? null : title || null,
      commentary: commentary || null, category: e.category.value || null, source: 'bookmarklet' };
    e.save.disabled = true;
    say('Saving…');
    fetch(api + '/inbox', { method: 'POST', headers: Object.assign({ 'Content-Type': 'application/json' }, auth), body: JSON.stringify(body) })
      .then(function (res) { return res.json().then(function (json) { return { res: res, json: json }; }); })
      .then(function (answer) {
        if (!answer.res.ok) throw new Error((answer.json.error && answer.json.error.message) || 'Not saved (HTTP ' + answer.res.status + ').');
        say(answer.res.status === 200 ? 'Already captured: your note was added to it.' : 'Saved to the inbox.', 'done');
        setTimeout(function () { window.close(); }, 1500);
      })
      .catch(function (error) { say(error.message, 'error'); e.save.disabled = false; });
  });
})();`;

const STYLE = `body{font:15px/1.4 system-ui,sans-serif;margin:0;padding:16px;color:#212134;background:#f6f6f9}
h1{font-size:18px;margin:0 0 12px}label{display:block;font-weight:600;margin:10px 0 4px}
input,select,textarea{box-sizing:border-box;width:100%;padding:7px;border:1px solid #c0c0cf;border-radius:4px;font:inherit}
textarea{min-height:90px}button{margin-top:14px;padding:8px 16px;background:#4945ff;color:#fff;border:0;border-radius:4px;font:inherit}
#status{margin-top:12px}.error{color:#b72b1a}.done{color:#2f6846}`;

const HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Capture a link</title><style>${STYLE}</style></head>
<body><h1>Capture a link</h1>
<form id="capture">
<label for="url">URL</label><input id="url" name="url" type="url" required>
<label for="title">Title</label><input id="title" name="title" maxlength="500" placeholder="Filled in from the page when left empty">
<label for="commentary">Commentary</label><textarea id="commentary" name="commentary"></textarea>
<label for="note">Note</label><input id="note" name="note" placeholder="Why it is worth reading">
<label for="category">Section</label><select id="category" name="category"></select>
<button id="save" name="save" type="submit">Save to inbox</button>
</form><p id="status" role="status"></p>
<script>${SCRIPT}</script></body></html>`;

const hash = (text: string) => createHash('sha256').update(text).digest('base64');

/** The bookmarklet's capture window: a static page with no data, its script and style pinned by hash. */
export const captureFormPage = () => ({
  html: HTML,
  contentSecurityPolicy: [
    "default-src 'none'",
    `script-src 'sha256-${hash(SCRIPT)}'`,
    `style-src 'sha256-${hash(STYLE)}'`,
    "connect-src 'self'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; '),
});
