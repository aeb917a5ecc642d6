import { Box, Button, Flex, Loader, Tabs, Typography } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import type { RoundupPreview } from '../../../shared/contracts/editor';
import { paths } from '../api/paths';
import { Panel } from '../components/Panel';
import { useAdminGet } from '../hooks/useAdminGet';
import { useErrorNotification } from '../hooks/useErrorNotification';
import { useT } from '../hooks/useT';

/** Puts `text` on the clipboard, with a fallback for browsers without the Clipboard API. */
const copyText = async (text: string) => {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  document.execCommand('copy');
  area.remove();
};

/**
 * The draft as readers will get it once published: the HTML output in a
 * sandboxed frame (no scripts, no access to the admin panel), and the
 * Markdown with a copy button.
 */
export const Preview = ({ roundupId, revision }: { roundupId: string; revision: number }) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const notifyError = useErrorNotification();
  const { data: preview } = useAdminGet<RoundupPreview>(paths.preview(roundupId), revision);

  const copy = async () => {
    if (!preview) return;
    try {
      await copyText(preview.markdown);
      toggleNotification({ type: 'success', message: t('preview.copied', 'Markdown copied') });
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Panel label={t('preview.title', 'Preview')}>
      <Tabs.Root defaultValue="html">
        <Flex justifyContent="space-between" gap={2} paddingBottom={3}>
          <Typography variant="delta" tag="h2">
            {t('preview.title', 'Preview')}
          </Typography>
          <Tabs.List aria-label={t('preview.formats', 'Output format')}>
            <Tabs.Trigger value="html">{t('preview.html', 'HTML')}</Tabs.Trigger>
            <Tabs.Trigger value="markdown">{t('preview.markdown', 'Markdown')}</Tabs.Trigger>
          </Tabs.List>
        </Flex>
        {!preview ? (
          <Loader small>{t('preview.loading', 'Rendering the draft…')}</Loader>
        ) : (
          <>
            {preview.warnings.length > 0 && (
              <Box
                background="warning100"
                borderColor="warning200"
                hasRadius
                padding={3}
                marginBottom={3}
                role="status"
                aria-label={t('preview.warnings', 'What the Markdown output changes')}
              >
                <Typography variant="omega" fontWeight="bold" tag="p">
                  {t(
                    'preview.warnings-intro',
                    'The Markdown output does not keep everything as written:'
                  )}
                </Typography>
                <ul style={{ margin: '4px 0 0 16px', listStyle: 'disc' }}>
                  {preview.warnings.map((warning, index) => (
                    <li key={`${warning.field}-${index}`}>
                      <Typography variant="omega">{warning.message}</Typography>
                    </li>
                  ))}
                </ul>
              </Box>
            )}
            <Tabs.Content value="html">
              <iframe
                title={t('preview.html-frame', 'HTML preview of the draft')}
                sandbox=""
                srcDoc={`<!doctype html><meta charset="utf-8"><style>body{font:15px/1.5 system-ui,sans-serif;margin:0 8px;color:#212134}a{color:#4945ff}</style>${preview.html}`}
                style={{
                  width: '100%',
                  height: '70vh',
                  border: '1px solid #eaeaef',
                  borderRadius: 4,
                  background: '#fff',
                }}
              />
            </Tabs.Content>
            <Tabs.Content value="markdown">
              <Flex justifyContent="flex-end" paddingBottom={2}>
                <Button variant="secondary" startIcon={<Duplicate />} onClick={copy}>
                  {t('preview.copy', 'Copy Markdown')}
                </Button>
              </Flex>
              <Box
                tag="pre"
                data-markdown-preview
                padding={3}
                background="neutral100"
                hasRadius
                style={{
                  whiteSpace: 'pre-wrap',
                  overflow: 'auto',
                  maxHeight: '70vh',
                  fontSize: 13,
                  margin: 0,
                }}
              >
                {preview.markdown}
              </Box>
            </Tabs.Content>
          </>
        )}
      </Tabs.Root>
    </Panel>
  );
};
