import type { Roundup } from '../../plugins/roundup/server/src/core/model';

/**
 * Hostile input an editor could type: markup, handlers, styles and URLs that run
 * script or load something when an output is opened. Every output format must
 * come out of each, in every field, with nothing executable.
 */
export const VECTORS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<script>alert(1)',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(1)"',
  '<body onload=alert(1)>',
  '<input onfocus=alert(1) autofocus>',
  '<details open ontoggle=alert(1)>',
  '<a href="https://ok.example" onclick="alert(1)">ok</a>',
  '<a href="https://ok.example" style="position:fixed;inset:0">ok</a>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<div style="position:fixed;top:0;left:0;width:100%;height:100%">x</div>',
  '<style>*{display:none}</style>',
  "<style>@import 'https://evil.example/x.css';</style>",
  '<link rel=stylesheet href=https://evil.example/x.css>',
  '<svg onload=alert(1)>',
  '"><svg/onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>">',
  '<object data="data:text/html,<script>alert(1)</script>"></object>',
  '<embed src="javascript:alert(1)">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<template><script>alert(1)</script></template>',
  '<scr<script>ipt>alert(1)</script>',
  '<<script>script>alert(1)<</script>/script>',
  '</article><script>alert(1)</script>',
  '</textarea><script>alert(1)</script>',
  '\'"><img src=x onerror=alert(1)>',
  '--><script>alert(1)</script><!--',
  '<!--<script>alert(1)</script>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="jav\tascript:alert(1)">x</a>',
  '<a href="java\u0000script:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;script&colon;alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  '\u0001javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '&#106;avascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'ｊａｖａｓｃｒｉｐｔ:alert(1)',
  'java\u200bscript:alert(1)',
  '\ufeffjavascript:alert(1)',
  '\u202ejavascript:alert(1)',
  '[x](javascript:alert(1))',
  '[x]( javascript:alert(1) )',
  '[x](<javascript:alert(1)>)',
  '[x](JaVaScRiPt:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](java&#9;script:alert(1))',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html,hi)',
  '[x](ｊａｖａｓｃｒｉｐｔ:alert(1))',
  '[x](java\u200bscript:alert(1))',
  '[x](https://ok.example "title" onclick="alert(1)")',
  '[x]\n\n[x]: javascript:alert(1)',
  '![x](javascript:alert(1))',
  '![pixel](https://evil.example/pixel.png)',
  '<javascript:alert(1)>',
  '<vbscript:msgbox(1)>',
  '<data:text/html,hi>',
  '<https://ok.example/" onmouseover="alert(1)>',
  '```html\n<script>alert(1)</script>\n```',
  '{{ roundup.title | raw }}{% raw %}<script>{% endraw %}',
];

/** Where a vector goes: every field of the model, one at a time. */
export const FIELDS: Record<string, (roundup: Roundup, vector: string) => void> = {
  title: (r, v) => void (r.title = v),
  slug: (r, v) => void (r.slug = v),
  date: (r, v) => void (r.date = v),
  excerpt: (r, v) => void (r.excerpt = v),
  intro: (r, v) => void (r.intro = v),
  outro: (r, v) => void (r.outro = v),
  layout: (r, v) => void (r.layout = v),
  frontMatter: (r, v) => void (r.frontMatter = { note: v, [v.replace(/\W/g, '_')]: [v] }),
  'category.name': (r, v) => void (r.sections[0].category = { name: v, slug: 'x' }),
  'category.slug': (r, v) => void (r.sections[0].category = { name: 'x', slug: v }),
  'entry.title': (r, v) => void (r.sections[0].entries[0].title = v),
  'entry.url': (r, v) => void (r.sections[0].entries[0].url = v),
  'entry.author': (r, v) => void (r.sections[0].entries[0].author = v),
  'entry.description': (r, v) => void (r.sections[0].entries[0].description = v),
};

/** A node of the tree parse5 builds, as far as the danger checks read it. */
export interface ParsedNode {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: ParsedNode[];
  content?: ParsedNode;
  /** The text of a text node. */
  value?: string;
}
