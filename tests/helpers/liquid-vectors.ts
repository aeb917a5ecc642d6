/**
 * Liquid an editor could type into any field, each with what a Jekyll site would put
 * on the page if it ran it (`wouldShow`: text the vector itself does not contain), for
 * the unit tests of the inert forms and the real Jekyll build of an export.
 */
export interface LiquidVector {
  name: string;
  text: string;
  wouldShow: string[];
}

/** The site's title and an include's text in the test site: a page showing them ran Liquid. */
export const SITE_TITLE = 'Sitetitle-k3q';
export const INCLUDED = 'Included-k3q';

export const LIQUID_VECTORS: LiquidVector[] = [
  { name: 'an output with a filter', text: '{{ 7 | times: 6 }}', wouldShow: ['42'] },
  {
    name: 'an assignment, then its output',
    text: '{% assign z = "q" | append: "7" %}{{ z }}',
    wouldShow: ['q7'],
  },
  { name: 'a site variable', text: '{{ site.title }}', wouldShow: [SITE_TITLE] },
  { name: 'an include', text: '{% include partial.html %}', wouldShow: [INCLUDED] },
  { name: 'raw never closed', text: '{% raw %}{{ 6 | times: 7 }}', wouldShow: [] },
  { name: 'endraw, then an output', text: '{% endraw %}{{ 7 | times: 6 }}', wouldShow: ['42'] },
  { name: 'raw and endraw', text: '{% raw %}x{% endraw %}', wouldShow: [] },
  {
    name: 'whitespace control',
    text: '{%- capture w -%} W {%- endcapture -%}{{- w | append: "8" -}}',
    wouldShow: ['W8'],
  },
  {
    name: 'raw with whitespace control',
    text: '{%- raw -%}{{ 7 | times: 6 }}{%- endraw -%}',
    wouldShow: ['42'],
  },
  { name: 'a comment never closed', text: '{% comment %} the rest of the page', wouldShow: [] },
  { name: 'an output never closed', text: '{{ 7 | times: 6', wouldShow: [] },
  { name: 'a tag never closed', text: '{% if true', wouldShow: [] },
  { name: 'an opening brace at the end', text: 'ends with {', wouldShow: [] },
  {
    name: 'a percent sign at the start',
    text: '% assign y = 5 %}{{ y | plus: 37 }}',
    wouldShow: ['42'],
  },
  { name: 'closers alone', text: '%} }} } -}}', wouldShow: [] },
  { name: 'endraw inside an output', text: '{{ "{% endraw %}" | upcase }}', wouldShow: ['ENDRAW'] },
  { name: 'a tag inside a tag', text: '{% if {% endraw %} %}', wouldShow: [] },
  { name: 'three braces', text: '{{{ 7 | times: 6 }}}', wouldShow: ['42'] },
  {
    name: 'a tag over two lines',
    text: '{% if true\n%}{{ 6 | times: 7 }}{% endif %}',
    wouldShow: ['42'],
  },
  { name: 'echo', text: '{% echo 6 | times: 7 %}', wouldShow: ['42'] },
  {
    name: 'the liquid tag',
    text: '{% liquid\nassign k = 6 | times: 7\necho k %}',
    wouldShow: ['42'],
  },
  {
    name: 'a link tag with whitespace control',
    text: '{%- link about.md -%}',
    wouldShow: ['/about.html'],
  },
];

/** Values that open Liquid only together: the first ends in `{`, the next starts with `%` or `{`. */
export const LIQUID_SPLITS: [first: string, second: string][] = [
  ['ends {', '% assign s = 6 | times: 7 %}{{ s }}'],
  ['ends {', '{ 7 | times: 6 }}'],
  ['ends {{', ' 7 | times: 6 }}'],
  ['ends {', '%- comment -%}'],
];

/** Jekyll's Liquid shows only one line for a title, author, section name or URL. */
export const oneLine = (text: string): string =>
  text.replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' ' : run)).trim();
