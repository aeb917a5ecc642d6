import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ImportCheck, ImportRequest, ImportResult } from '../../../shared/contracts/import';
import { errorMessage } from '../api/errors';
import { paths } from '../api/paths';

/** One uploaded post: what its dry run found, then the slug it was imported as, or why not. */
export interface CheckedPost {
  file: File;
  markdown: string;
  result?: ImportCheck;
  error?: string;
  imported?: string;
}

export interface ImportOptions {
  /** For posts whose front matter and file name give no date. */
  date: string;
  publish: boolean;
  replace: boolean;
}

/**
 * The Markdown import: each chosen file is dry-run at once (and again when
 * the date for posts without one changes); `importAll` then imports every
 * post whose dry run found no problem.
 */
export const useImport = (files: File[], options: ImportOptions) => {
  const { post } = useFetchClient();
  const [posts, setPosts] = React.useState<CheckedPost[]>([]);
  const [busy, setBusy] = React.useState(false);

  const send = <T>(item: CheckedPost, dryRun: boolean) => {
    const body: ImportRequest = {
      markdown: item.markdown,
      fileName: item.file.name,
      ...(options.date ? { date: options.date } : {}),
      publish: options.publish,
      replace: options.replace,
      dryRun,
    };
    return post<T>(paths.import, body);
  };

  const check = async (chosen: File[]) => {
    setBusy(true);
    const checked: CheckedPost[] = [];
    for (const file of chosen) {
      const item: CheckedPost = { file, markdown: await file.text() };
      try {
        item.result = (await send<ImportCheck>(item, true)).data;
      } catch (error) {
        item.error = errorMessage(error);
      }
      checked.push(item);
    }
    setPosts(checked);
    setBusy(false);
  };

  // The dry run depends on the date given for posts without one: check again when it changes.
  React.useEffect(() => {
    if (files.length) void check(files);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `check` is a new function each render and reads `date` itself; the files and the date are what the dry run depends on
  }, [files, options.date]);

  const importAll = async () => {
    setBusy(true);
    const next: CheckedPost[] = [];
    for (const item of posts) {
      try {
        const { data } = await send<ImportResult>(item, false);
        next.push({ ...item, imported: data.slug, error: undefined });
      } catch (error) {
        next.push({ ...item, error: errorMessage(error) });
      }
    }
    setPosts(next);
    setBusy(false);
  };

  const ready = posts.filter((p) => p.result && !p.imported && p.result.problems.length === 0);

  return { posts, busy, ready, importAll };
};
