/**
 * The default templates, in Liquid (the language Jekyll users know). They see
 * `roundup` (the model, with `sections[].name`) and the filters registered in
 * renderer.ts. Users can replace either one with a file of their own.
 */

/** Reproduces the hand-written Jekyll posts: front matter, excerpt markers, `## Section`, `* [Title](url) by Author<br/>`. */
export const DEFAULT_MARKDOWN_TEMPLATE = `---
{{ roundup | front_matter }}---
{%- if roundup.excerpt %}

<!-- excerpt start -->
{{ roundup.excerpt }}
<!-- excerpt end -->
{%- endif %}
{%- if roundup.intro %}

{{ roundup.intro }}
{%- endif %}
{%- for section in roundup.sections %}

## {{ section.name | md_text }}
{%- for entry in section.entries %}
* [{{ entry.title | md_text }}]({{ entry.url | md_url }}){% if entry.author %} by {{ entry.author | md_text }}{% endif %}{% if entry.description %}<br/>
{{ entry.description | indent: 2 }}{% endif %}
{%- endfor %}
{%- endfor %}
{%- if roundup.outro %}

{{ roundup.outro }}
{%- endif %}
`;

/**
 * An embeddable fragment. Output is HTML-escaped unless it goes through
 * \`raw\`; \`markdown\` renders Markdown with raw HTML disabled, and the whole
 * result is sanitized afterwards whatever the template does.
 */
export const DEFAULT_HTML_TEMPLATE = `<article>
<h1>{{ roundup.title }}</h1>
{%- if roundup.excerpt %}
<header>{{ roundup.excerpt | markdown | raw }}</header>
{%- endif %}
{%- if roundup.intro %}
{{ roundup.intro | markdown | raw }}
{%- endif %}
{%- for section in roundup.sections %}
<section>
<h2>{{ section.name }}</h2>
<ul>
{%- for entry in section.entries %}
<li><p><a href="{{ entry.url }}">{{ entry.title }}</a>{% if entry.author %} by {{ entry.author }}{% endif %}</p>
{{ entry.description | markdown | raw }}</li>
{%- endfor %}
</ul>
</section>
{%- endfor %}
{%- if roundup.outro %}
<footer>{{ roundup.outro | markdown | raw }}</footer>
{%- endif %}
</article>
`;
