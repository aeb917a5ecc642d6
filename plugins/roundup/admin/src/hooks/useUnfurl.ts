import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { PageMetadata, UnfurlPreview } from '../../../shared/contracts/unfurl';
import { errorMessage } from '../api/errors';
import { paths } from '../api/paths';
import { useT } from './useT';

const isHttpUrl = (text: string) => {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/**
 * As soon as `url` is a web address (pasted or typed), the server reads the
 * page and `onRead` gets what it says about itself; each address is read once.
 * Answers what the editor sees meanwhile: "Reading the page…", or why it failed.
 */
export const useUnfurl = (url: string, onRead: (page: PageMetadata) => void): string | null => {
  const t = useT();
  const { post } = useFetchClient();
  const [note, setNote] = React.useState<string | null>(null);
  const unfurledUrl = React.useRef('');
  const onReadRef = React.useRef(onRead);
  onReadRef.current = onRead;

  React.useEffect(() => {
    const address = url.trim();
    if (!isHttpUrl(address) || address === unfurledUrl.current) return undefined;
    let current = true;
    const timer = setTimeout(async () => {
      unfurledUrl.current = address;
      setNote(t('add.unfurling', 'Reading the page…'));
      try {
        const { data } = await post<UnfurlPreview>(paths.unfurl, { url: address });
        if (!current) return;
        if (!data.ok) {
          setNote(`unfurl: ${data.reason}`);
          return;
        }
        setNote(null);
        onReadRef.current(data);
      } catch (error) {
        if (current) setNote(`unfurl: ${errorMessage(error)}`);
      }
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [url, post, t]);

  return note;
};
