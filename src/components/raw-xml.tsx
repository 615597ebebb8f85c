import CodeIcon from '@mui/icons-material/Code';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import LinearProgress from '@mui/material/LinearProgress';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { apiPath } from '../api/transport/client';
import { cmsClient } from '../api/transport/cms-client';
import { XmlBlock } from './xml-block';

/** The raw answer of a GET, as text: what CMS itself said, for support staff to compare or paste. */
export const rawXmlQuery = (path: string) =>
  queryOptions({
    queryKey: ['cms', 'raw', apiPath(path)] as const,
    queryFn: async ({ signal }) => (await cmsClient().request({ method: 'GET', path, signal })).text,
  });

/** GETs `path` and shows the answer; mount it only when it should be fetched. */
export function RawXmlPanel({ path }: { path: string }) {
  const xml = useQuery(rawXmlQuery(path));
  const full = apiPath(path);
  return (
    <Box>
      {xml.isFetching && <LinearProgress aria-label={`Loading GET ${full}`} />}
      {xml.isError && <Alert severity="error">{xml.error.message}</Alert>}
      {xml.data !== undefined && <XmlBlock text={xml.data} label={`XML of GET ${full}`} />}
    </Box>
  );
}

type RawXmlButtonProps = {
  open: boolean;
  onToggle: () => void;
  /** names the object: "the space", "access method host.space" */
  what?: string;
  controls?: string;
};

export function RawXmlButton({ open, onToggle, what, controls }: RawXmlButtonProps) {
  return (
    <Button
      size="small"
      startIcon={<CodeIcon />}
      aria-expanded={open}
      {...(controls ? { 'aria-controls': controls } : {})}
      aria-label={`${open ? 'Hide' : 'Show'} XML${what ? ` of ${what}` : ''}`}
      onClick={onToggle}
      sx={{ whiteSpace: 'nowrap' }}
    >
      {open ? 'Hide XML' : 'XML'}
    </Button>
  );
}

type RawXmlToggleProps = {
  /** the object's own path: `coSpaces/<id>`, `callLegProfiles/<id>` */
  path: string;
  what?: string;
};

/** A button that GETs the object's own path on demand and shows the answer below it. */
export function RawXmlToggle({ path, what }: RawXmlToggleProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <Box>
      <RawXmlButton open={open} onToggle={() => setOpen((was) => !was)} what={what} controls={id} />
      <Collapse in={open} unmountOnExit id={id}>
        <RawXmlPanel path={path} />
      </Collapse>
    </Box>
  );
}
