/**
 * The bookmarklet for one capture token: on any page it opens the capture
 * window at `formUrl` with the page's URL, title and selected text. They and
 * the token travel in the fragment, which is never sent to a server or logged.
 */
export const bookmarklet = (formUrl: string, token: string): string => {
  const code =
    '(function(){' +
    "var s=String(window.getSelection?window.getSelection():'').trim().slice(0,4000);" +
    `var p=new URLSearchParams({token:${JSON.stringify(token)},url:location.href,title:document.title,text:s});` +
    `window.open(${JSON.stringify(formUrl)}+'#'+p.toString(),'roundup_capture','width=520,height=660');` +
    '})();';
  return `javascript:${encodeURIComponent(code)}`;
};
