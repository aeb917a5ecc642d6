import type { Roundup } from '../../plugins/roundup/server/src/core/model';
import {
  createRenderer,
  DEFAULT_MARKDOWN_TEMPLATE,
  renderHtml,
  renderMarkdown,
} from '../../plugins/roundup/server/src/core/render';

const roundup: Roundup = {
  title: 'July',
  slug: 'july',
  date: '2020-07-31',
  excerpt: 'Excerpt.',
  intro: null,
  outro: null,
  layout: 'post',
  frontMatter: null,
  sections: [
    {
      category: { name: 'Tools *&* more', slug: 'tools' },
      entries: [
        { title: 'a_[b]', url: 'https://a.example/(x)', author: 'A*', description: 'One.\n\nTwo.' },
        { title: 'c', url: 'https://c.example/', author: null, description: null },
      ],
    },
  ],
};

describe('templates of the user', () => {
  it('renders Markdown with a template of the user and the Markdown filters', () => {
    const renderer = createRenderer({
      markdownTemplate: {
        name: 'templates/list.liquid',
        source:
          '# {{ roundup.title | md_text }} ({{ roundup.date }})\n' +
          '{% for section in roundup.sections %}{% for entry in section.entries %}' +
          '- <{{ entry.url | md_url }}> {{ entry.title | md_text }}\n{% endfor %}{% endfor %}\n\n\n',
      },
    });
    expect(renderer.markdown(roundup)).toBe(
      '# July (2020-07-31)\n- <https://a.example/%28x%29> a\\_\\[b\\]\n- <https://c.example/> c\n'
    );
    expect(renderer.html(roundup)).toBe(renderHtml(roundup));
  });

  it('renders the default entry format with the separate filters as well', () => {
    const spelledOut = DEFAULT_MARKDOWN_TEMPLATE.replace(
      '{{ entry | md_entry }}',
      '* [{{ entry.title | md_text }}]({{ entry.url | md_destination }})' +
        '{% if entry.author %} by {{ entry.author | md_text }}{% endif %}' +
        '{% if entry.description %}<br/>\n{{ entry.description | indent: 2 }}{% endif %}'
    );
    expect(spelledOut).not.toBe(DEFAULT_MARKDOWN_TEMPLATE);
    const renderer = createRenderer({
      markdownTemplate: { name: 'spelled-out', source: spelledOut },
    });
    expect(renderer.markdown(roundup)).toBe(renderMarkdown(roundup));
  });

  it('renders HTML with a template of the user, escaping output unless it is raw', () => {
    const renderer = createRenderer({
      htmlTemplate: {
        name: 'templates/short.liquid',
        source:
          '<h2>{{ roundup.title }} & {{ roundup.sections[0].name }}</h2>' +
          '{{ roundup.sections[0].entries[0].description | markdown | raw }}' +
          '{{ roundup.excerpt | markdown }}',
      },
    });
    expect(renderer.html(roundup)).toBe(
      '<h2>July &amp; Tools *&amp;* more</h2><p>One.</p>\n<p>Two.</p>&lt;p&gt;Excerpt.&lt;/p&gt;\n'
    );
    expect(renderer.markdown(roundup)).toBe(renderMarkdown(roundup));
  });

  it.each<[string, RegExp]>([
    ['{% for x in y %}', /^roundup: the template templates\/broken\.liquid does not parse: .*for/],
    ['{{ roundup.title ', /^roundup: the template templates\/broken\.liquid does not parse: /],
    ['{% nope %}', /^roundup: the template templates\/broken\.liquid does not parse: .*nope/],
    [
      '{{ roundup.title | no_such_filter }}',
      /^roundup: the template templates\/broken\.liquid does not parse: .*no_such_filter/,
    ],
  ])('refuses a template that does not parse, naming it: %j', (source, message) => {
    const template = { name: 'templates/broken.liquid', source };
    expect(() => createRenderer({ markdownTemplate: template })).toThrow(message);
    expect(() => createRenderer({ htmlTemplate: template })).toThrow(message);
  });

  it('names the template when it fails to render, and reads no file', () => {
    const renderer = createRenderer({
      markdownTemplate: {
        name: 'templates/partial.liquid',
        source: "{% include '/etc/hostname' %}",
      },
    });
    expect(() => renderer.markdown(roundup)).toThrow(
      /^roundup: the template templates\/partial\.liquid failed to render: /
    );
  });
});
