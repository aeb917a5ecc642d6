import { Flex, LinkButton } from '@strapi/design-system';
import { ExternalLink, Feather } from '@strapi/icons';
import { Link } from 'react-router-dom';
import { renderedUrl, ROUNDUP_MODEL, roundupsPagePath } from '../api/paths';
import { useT } from '../hooks/useT';

interface PanelProps {
  model: string;
  documentId?: string;
  document?: { slug?: string | null; publishedAt?: string | null };
  meta?: { availableStatus?: { publishedAt?: string | null }[] };
}

const isPublished = ({ document, meta }: PanelProps) =>
  Boolean(document?.publishedAt) ||
  Boolean(meta?.availableStatus?.some((version) => version.publishedAt));

/**
 * A side panel in the Content Manager's roundup edit view: back to the
 * roundup's own page, and to its published outputs.
 */
export const ContentManagerPanel = (props: PanelProps) => {
  const t = useT();
  if (props.model !== ROUNDUP_MODEL || !props.documentId) return null;
  const slug = props.document?.slug;
  const published = isPublished(props) && slug;
  return {
    title: t('panel.title', 'Roundup'),
    content: (
      <Flex direction="column" alignItems="stretch" gap={2} width="100%">
        <LinkButton
          tag={Link}
          to={`${roundupsPagePath}/${props.documentId}`}
          variant="secondary"
          startIcon={<Feather />}
          fullWidth
        >
          {t('panel.open', 'Arrange and preview')}
        </LinkButton>
        {published &&
          (['markdown', 'html', 'json'] as const).map((format) => (
            <LinkButton
              key={format}
              href={renderedUrl(slug, format)}
              isExternal
              variant="tertiary"
              startIcon={<ExternalLink />}
              fullWidth
            >
              {t(
                `panel.${format}`,
                { markdown: 'Published Markdown', html: 'Published HTML', json: 'Published JSON' }[
                  format
                ]
              )}
            </LinkButton>
          ))}
      </Flex>
    ),
  };
};
