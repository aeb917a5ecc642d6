/**
 * The default email and plain-text templates, in Liquid like the others; either
 * can be replaced by a file of the user's (config `templates.email`,
 * `templates.text`). Both see `roundup` (as the Markdown and HTML templates do)
 * and `email`: `lang`, `preheader` (the excerpt as one line of text), `siteTitle`
 * and `webUrl` (the roundup on the site).
 *
 * The email template keeps its look in one stylesheet: every rule is written
 * into the elements' `style` attributes before sending (mail clients drop
 * `<style>`), and only the `@media` rules stay in a `<style>` element, where a
 * client that drops them still shows the same layout. Filters: `markdown` and
 * `html_entry` as in the HTML template; the result is rebuilt through the email
 * allowlist whatever the template does.
 *
 * The text template's filters: `text_heading: "="` (a heading underlined),
 * `text_section` (a section's heading, underlined `-`, `~` or `.` by its depth, then
 * the URL its heading links to), `text_markdown` (a Markdown field as text), `text_entry` (`- Title [1] by
 * Author` and the commentary) and `text_links` (every link once, by number, as
 * the references above it used them; put it last).
 */

export const DEFAULT_EMAIL_TEMPLATE = `<!DOCTYPE html>
<html lang="{{ email.lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting" content="">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>{{ roundup.title }}</title>
<style>
body { margin: 0; padding: 0; background-color: #f2f2f5; color: #1f2328; }
.backdrop { width: 100%; background-color: #f2f2f5; }
.column { width: 100%; max-width: 600px; margin: 0 auto; background-color: #ffffff; }
.content { padding: 24px; color: #1f2328; font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; font-size: 16px; line-height: 1.5; overflow-wrap: break-word; word-wrap: break-word; }
h1 { margin: 0 0 12px; font-size: 26px; line-height: 1.25; color: #1f2328; }
h2 { margin: 28px 0 12px; padding-top: 16px; border-top: 1px solid #d8dee4; font-size: 20px; line-height: 1.3; color: #1f2328; }
h3, h4, h5, h6 { margin: 16px 0 8px; font-size: 17px; color: #1f2328; }
p { margin: 0 0 12px; }
a { color: #0b57d0; text-decoration: underline; word-break: break-word; }
ul, ol { margin: 0 0 12px; padding-left: 22px; }
li { margin: 0 0 14px; }
li p { margin: 0 0 6px; }
li li { margin: 0 0 4px; }
blockquote { margin: 0 0 12px; padding-left: 12px; border-left: 3px solid #d8dee4; color: #57606a; }
code { font-family: Menlo, Consolas, monospace; font-size: 14px; background-color: #eff1f3; color: #1f2328; }
pre { margin: 0 0 12px; padding: 8px; white-space: pre-wrap; word-break: break-word; background-color: #eff1f3; color: #1f2328; font-size: 14px; }
.content table { width: 100%; border-collapse: collapse; margin: 0 0 12px; }
.content th, .content td { padding: 4px; border: 1px solid #d8dee4; text-align: left; }
.preheader { display: none; max-height: 0; max-width: 0; overflow: hidden; opacity: 0; font-size: 1px; line-height: 1px; color: #f2f2f5; mso-hide: all; }
.footer { padding: 16px 24px 24px; color: #57606a; font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; font-size: 13px; line-height: 1.5; }
@media (max-width: 620px) {
  .content { padding: 16px !important; }
  .footer { padding: 12px 16px 16px !important; }
}
@media (prefers-color-scheme: dark) {
  body, .backdrop { background-color: #121212 !important; }
  .column { background-color: #1e1e1e !important; }
  .content, h1, h2, h3, h4, h5, h6 { color: #e8e8e8 !important; }
  a { color: #8ab4f8 !important; }
  code, pre { background-color: #2b2b2b !important; color: #e8e8e8 !important; }
  .footer, blockquote { color: #a8a8a8 !important; }
}
</style>
</head>
<body>
{%- if email.preheader %}
<div class="preheader">{{ email.preheader }}</div>
{%- endif %}
<table role="presentation" class="backdrop" cellpadding="0" cellspacing="0" border="0">
<tr>
<td align="center">
<table role="presentation" class="column" cellpadding="0" cellspacing="0" border="0">
<tr>
<td class="content">
<h1>{{ roundup.title }}</h1>
{%- if roundup.excerpt %}
{{ roundup.excerpt | markdown | raw }}
{%- endif %}
{%- if roundup.intro %}
{{ roundup.intro | markdown | raw }}
{%- endif %}
{%- for section in roundup.sections %}
<h{{ section.level }}>{% if section.url %}<a href="{{ section.url }}">{{ section.name }}</a>{% else %}{{ section.name }}{% endif %}</h{{ section.level }}>
{%- if section.note %}
{{ section.note | markdown | raw }}
{%- endif %}
<ul>
{%- for entry in section.entries %}
{{ entry | html_entry | raw }}
{%- endfor %}
</ul>
{%- endfor %}
{%- if roundup.outro %}
{{ roundup.outro | markdown | raw }}
{%- endif %}
</td>
</tr>
<tr>
<td class="footer">
{{ email.siteTitle }} · <a href="{{ email.webUrl }}">Read this roundup on the site</a>
</td>
</tr>
</table>
</td>
</tr>
</table>
</body>
</html>
`;

/**
 * Sections as headings underlined by depth (with the URL of a heading that links), then
 * their notes, entries as `- Title [1] by Author`, links listed at the end.
 */
export const DEFAULT_TEXT_TEMPLATE = `{{ roundup.title | text_heading: "=" }}
{%- if roundup.excerpt %}

{{ roundup.excerpt | text_markdown }}
{%- endif %}
{%- if roundup.intro %}

{{ roundup.intro | text_markdown }}
{%- endif %}
{%- for section in roundup.sections %}

{{ section | text_section }}
{%- if section.note %}

{{ section.note | text_markdown }}
{%- endif %}
{%- for entry in section.entries %}

{{ entry | text_entry }}
{%- endfor %}
{%- endfor %}
{%- if roundup.outro %}

{{ roundup.outro | text_markdown }}
{%- endif %}

{{ email.siteTitle }}: {{ email.webUrl }}

{{ roundup | text_links }}
`;
