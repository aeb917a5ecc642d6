import { renderMarkdown, renderHtml } from '../plugins/roundup/server/src/core/render';
const r: any = { title: "What I've been reading in July", slug: 'x', date: '2020-07-31', excerpt: "Here are the articles.", intro: 'Intro [link](https://a.b).', outro: 'Bye.', layout: 'post', frontMatter: { tags: ['a'] },
 sections: [{ category: { name: 'Articles & Learning', slug: 'a' }, entries: [
  { title: 'Flatter wait-free hazard pointers', url: 'https://pvk.ca/Blog/x/', author: 'Paul Khuong', description: 'Paul provides references.\nSecond line.' },
  { title: 'Tricky ]( <b>*title*', url: 'https://e.com/a_(b)', author: null, description: null } ] }, { category: null, entries: [{ title: 'x', url: 'https://x.y', author: 'A', description: '<script>alert(1)</script> [bad](javascript:alert(1)) [rel](uops.info)' }] }] };
process.stdout.write(renderMarkdown(r)); console.log('-----'); process.stdout.write(renderHtml(r));
