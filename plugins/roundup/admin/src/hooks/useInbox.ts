import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type {
  EditorView,
  EntryFromInbox,
  InboxCard,
  InboxPage,
} from '../../../shared/contracts/editor';
import { paths } from '../api/paths';
import { useAdminGet } from './useAdminGet';
import { useErrorNotification } from './useErrorNotification';

const NOTHING_YET: InboxPage = {
  results: [],
  total: 0,
  pagination: { page: 1, pageSize: 0, pageCount: 1, total: 0 },
};

/**
 * The inbox beside a roundup: links not yet in any roundup, a page at a time,
 * searched as the editor types; Add moves one into roundup `roundupId`, and
 * Retry reads a link's page again.
 */
export const useInbox = (roundupId: string, onAdded: (view: EditorView) => void) => {
  const { post } = useFetchClient();
  const notifyError = useErrorNotification();
  const [search, setSearch] = React.useState('');
  const [query, setQuery] = React.useState('');
  const [page, setPage] = React.useState(1);
  // The inbox changes here when a link is taken from it; it is read again then, not on every reorder.
  const [revision, setRevision] = React.useState(0);
  const { data: inbox = NOTHING_YET, setData } = useAdminGet<InboxPage>(
    paths.inbox(page, query),
    revision
  );

  React.useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(search.trim());
      setPage(1);
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);

  const retry = async (entry: InboxCard) => {
    try {
      const { data } = await post<InboxCard>(paths.retryUnfurl(entry.documentId), {});
      setData((previous) =>
        previous
          ? {
              ...previous,
              results: previous.results.map((item) =>
                item.documentId === data.documentId ? data : item
              ),
            }
          : previous
      );
    } catch (error) {
      notifyError(error);
    }
  };

  const add = async (entry: InboxCard) => {
    try {
      const body: EntryFromInbox = { entry: entry.documentId };
      const { data } = await post<EditorView>(paths.entries(roundupId), body);
      onAdded(data);
    } catch (error) {
      notifyError(error);
    } finally {
      setRevision((r) => r + 1);
    }
  };

  return {
    inbox,
    search,
    setSearch,
    page,
    setPage,
    pageCount: inbox.pagination.pageCount,
    retry,
    add,
  };
};
