import * as React from 'react';
import {
  Box,
  Button,
  EmptyStateLayout,
  Field,
  Flex,
  LinkButton,
  Modal,
  Table,
  Tbody,
  Td,
  TextInput,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Plus, Upload } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link, useNavigate } from 'react-router-dom';
import { TableHeader } from '../components/TableHeader';
import { CapturePanel } from '../editor/CapturePanel';
import { ScheduleStatus } from '../editor/ScheduleStatus';
import { useWaitingSchedules } from '../editor/schedule';
import { StatusBadge } from '../editor/StatusBadge';
import { useRoundupPermissions } from '../editor/permissions';
import { useT } from '../utils/useT';
import { errorMessage, fieldErrors, paths, type EditorView, type RoundupSummary } from './api';

const PAGE_SIZE = 25;

interface ListBody {
  results: RoundupSummary[];
  pagination: { pageCount: number; total: number };
}

const lastDayOfThisMonth = () => {
  const now = new Date();
  const last = new Date(Date.UTC(now.getFullYear(), now.getMonth() + 1, 0));
  return last.toISOString().slice(0, 10);
};

/** "New roundup": a title and a date, errors shown under each field. */
const NewRoundup = ({ onCreated }: { onCreated: (view: EditorView) => void }) => {
  const t = useT();
  const { post } = useFetchClient();
  const [open, setOpen] = React.useState(false);
  const [title, setTitle] = React.useState('');
  const [date, setDate] = React.useState(lastDayOfThisMonth);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [busy, setBusy] = React.useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const { data } = await post<EditorView>(paths.roundups, { title, date });
      setOpen(false);
      onCreated(data);
    } catch (error) {
      const byField = fieldErrors(error);
      setErrors(Object.keys(byField).length ? byField : { title: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button startIcon={<Plus />}>{t('list.new', 'New roundup')}</Button>
      </Modal.Trigger>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header>
            <Modal.Title>{t('list.new', 'New roundup')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Field.Root name="title" error={errors.title} required>
                <Field.Label>{t('field.title', 'Title')}</Field.Label>
                <TextInput
                  value={title}
                  placeholder={t('list.title-placeholder', "What I've been reading in July")}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTitle(e.target.value)}
                />
                <Field.Error />
              </Field.Root>
              <Field.Root
                name="date"
                error={errors.date}
                hint={t('list.date-hint', 'YYYY-MM-DD')}
                required
              >
                <Field.Label>{t('field.date', 'Date')}</Field.Label>
                <TextInput
                  value={date}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDate(e.target.value)}
                />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('action.cancel', 'Cancel')}</Button>
            </Modal.Close>
            <Button type="submit" loading={busy}>
              {t('list.create', 'Create')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};

/** Every roundup, newest first: title, date, status and number of links. */
const RoundupsPage = () => {
  const t = useT();
  const navigate = useNavigate();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const permissions = useRoundupPermissions();
  const schedules = useWaitingSchedules();
  const [page, setPage] = React.useState(1);
  const [data, setData] = React.useState<ListBody>();

  React.useEffect(() => {
    let current = true;
    get<ListBody>(`${paths.roundups}?page=${page}&pageSize=${PAGE_SIZE}`)
      .then(({ data: body }) => current && setData(body))
      .catch((error) => toggleNotification({ type: 'danger', message: errorMessage(error) }));
    return () => {
      current = false;
    };
  }, [get, page, toggleNotification]);

  if (permissions.isLoading || !data) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>{t('list.title', 'Roundups')}</Page.Title>
      <Layouts.Header
        title={t('list.title', 'Roundups')}
        subtitle={t(
          'list.subtitle',
          '{total, plural, =0 {No roundups yet} one {# roundup} other {# roundups}}',
          {
            total: data.pagination.total,
          }
        )}
        primaryAction={
          permissions.canCreate ? (
            <NewRoundup onCreated={(view) => navigate(view.roundup.documentId)} />
          ) : undefined
        }
        secondaryAction={
          permissions.canImport ? (
            <LinkButton tag={Link} to="import" variant="secondary" startIcon={<Upload />}>
              {t('list.import', 'Import Markdown')}
            </LinkButton>
          ) : undefined
        }
      />
      <Layouts.Content>
        {data.results.length === 0 ? (
          <EmptyStateLayout
            content={t('list.empty', 'No roundups yet. Create one, or import a Markdown post.')}
          />
        ) : (
          <Table colCount={4} rowCount={data.results.length + 1}>
            <TableHeader
              labels={[
                t('field.title', 'Title'),
                t('field.date', 'Date'),
                t('field.status', 'Status'),
                t('field.links', 'Links'),
              ]}
            />
            <Tbody>
              {data.results.map((roundup) => (
                <Tr key={roundup.documentId} data-roundup={roundup.documentId}>
                  <Td>
                    <Link to={roundup.documentId}>
                      <Typography fontWeight="bold" textColor="primary600">
                        {roundup.title}
                      </Typography>
                    </Link>
                  </Td>
                  <Td>
                    <Typography>{roundup.date}</Typography>
                  </Td>
                  <Td>
                    <StatusBadge status={roundup.status} />
                    <ScheduleStatus schedule={schedules.get(roundup.documentId)} />
                  </Td>
                  <Td>
                    <Typography>{roundup.entries}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        {data.pagination.pageCount > 1 && (
          <Box paddingTop={4}>
            <Flex gap={2} justifyContent="flex-end">
              <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t('list.previous', 'Previous')}
              </Button>
              <Typography>
                {t('list.page', 'Page {page} of {pageCount}', {
                  page,
                  pageCount: data.pagination.pageCount,
                })}
              </Typography>
              <Button
                variant="tertiary"
                disabled={page >= data.pagination.pageCount}
                onClick={() => setPage(page + 1)}
              >
                {t('list.next', 'Next')}
              </Button>
            </Flex>
          </Box>
        )}
        {permissions.canCreate && <CapturePanel />}
      </Layouts.Content>
    </Page.Main>
  );
};

export default RoundupsPage;
