/**
 * The default templates, in Liquid (the language Jekyll users know). Either can be
 * replaced by a file of the user's. They see `roundup`: the model, with blank texts
 * as null and each section as `{ name, slug, url, note, entries, depth, level, marks }` (`url`: its
 * heading's link in this roundup, or null), subsections
 * listed in reading order right after their parent (`depth` 2, `level` 3, `marks` `###`). Filters (see renderer.ts):
 * `yaml_front_matter`, `md_text`, `md_url` (percent-encoded, for autolinks), `md_destination`
 * (the exact URL, for `[…](…)`), `indent`, `md_entry`, `markdown`, `html_entry`.
 * `md_entry` writes `* [{{ entry.title | md_text }}]({{ entry.url | md_destination }})`, then
 * ` by {{ entry.author | md_text }}` if there is an author, then `<br/>` and the
 * commentary `| indent: 2` on the next lines if there is one (commentary the post glued
 * to the link, `[Title](url)[^1] …`, stays on the link's line). It is a single filter
 * because Liquid costs microseconds per tag, and a roundup may have 500 entries.
 */

/** The format of the hand-written Jekyll posts: front matter, excerpt, `## Section`, entries. */
export const DEFAULT_MARKDOWN_TEMPLATE = `---
{{ roundup | yaml_front_matter }}---
{%- if roundup.excerpt %}

<!-- excerpt start -->
{{ roundup.excerpt }}
<!-- excerpt end -->
{%- endif %}
{%- if roundup.intro %}

{{ roundup.intro }}
{%- endif %}
{%- for section in roundup.sections %}

{{ section.marks }} {% if section.url %}[{{ section.name | md_text }}]({{ section.url | md_destination }}){% else %}{{ section.name | md_text }}{% endif %}
{%- if section.note %}

{{ section.note }}
{% endif %}
{%- for entry in section.entries %}
{{ entry | md_entry }}
{%- endfor %}
{%- endfor %}
{%- if roundup.outro %}

{{ roundup.outro }}
{%- endif %}
`;

/**
 * An embeddable fragment. Every output is HTML-escaped unless its last filter is
 * `raw`; `markdown` and `html_entry` render Markdown with raw HTML disabled, and the
 * whole result is sanitized afterwards whatever the template does.
 */
export const DEFAULT_HTML_TEMPLATE = `<article>
<header>
<h1>{{ roundup.title }}</h1>
{%- if roundup.excerpt %}
{{ roundup.excerpt | markdown | raw }}
{%- endif %}
</header>
{%- if roundup.intro %}
{{ roundup.intro | markdown | raw }}
{%- endif %}
{%- for section in roundup.sections %}
<section>
<h{{ section.level }}>{% if section.url %}<a href="{{ section.url }}">{{ section.name }}</a>{% else %}{{ section.name }}{% endif %}</h{{ section.level }}>
{%- if section.note %}
{{ section.note | markdown | raw }}
{%- endif %}
<ul>
{%- for entry in section.entries %}
{{ entry | html_entry | raw }}
{%- endfor %}
</ul>
</section>
{%- endfor %}
{%- if roundup.outro %}
{{ roundup.outro | markdown | raw }}
{%- endif %}
</article>
`;

export { DEFAULT_EMAIL_TEMPLATE, DEFAULT_TEXT_TEMPLATE } from './email/templates';
