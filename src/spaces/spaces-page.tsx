import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { spaceQueries } from '../api/spaces';
import { useDebouncedValue } from '../lib/use-debounced-value';

const PAGE_WISH = 20;

/**
 * Spaces as the CMS web admin lists them. Pages follow what CMS actually returned (it caps pages
 * below `limit`), so "Next" starts where the last page ended, never at offset + limit.
 */
export function SpacesPage() {
  const [filterText, setFilterText] = useState('');
  const filter = useDebouncedValue(filterText.trim(), 300);
  const [offsets, setOffsets] = useState<number[]>([0]);
  const offset = offsets[offsets.length - 1] ?? 0;
  const page = useQuery({
    ...spaceQueries.list({ ...(filter ? { filter } : {}), offset, limit: PAGE_WISH }),
    placeholderData: keepPreviousData,
  });

  const items = page.data?.items ?? [];
  const total = page.data?.total ?? 0;
  const nextOffset = offset + items.length;

  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        Spaces
      </Typography>
      <TextField
        label="Filter by name, URI, secondary URI or call ID"
        value={filterText}
        onChange={(event) => {
          setFilterText(event.target.value);
          setOffsets([0]);
        }}
        sx={{ maxWidth: 480 }}
      />
      {page.isError && <Alert severity="error">{page.error.message}</Alert>}
      <Paper variant="outlined">
        {page.isFetching && <LinearProgress aria-label="Loading spaces" />}
        <TableContainer>
          <Table size="small" aria-label="Spaces">
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell>URI user part</TableCell>
                <TableCell>Secondary URI</TableCell>
                <TableCell>Call ID</TableCell>
                <TableCell>Tenant</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((space) => (
                <TableRow key={space.id}>
                  <TableCell>{space.name ?? <em>(no name)</em>}</TableCell>
                  <TableCell>{space.uri}</TableCell>
                  <TableCell>{space.secondaryUri}</TableCell>
                  <TableCell>{space.callId}</TableCell>
                  <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{space.tenant}</TableCell>
                </TableRow>
              ))}
              {page.isSuccess && items.length === 0 && (
                <TableRow>
                  <TableCell colSpan={5}>{filter ? `No space matches “${filter}”.` : 'This CMS has no spaces.'}</TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </TableContainer>
        <Stack direction="row" spacing={2} sx={{ p: 1, alignItems: 'center', justifyContent: 'flex-end' }}>
          <Typography variant="body2" aria-live="polite">
            {total === 0 ? '0 spaces' : `${offset + 1}–${nextOffset} of ${total}`}
          </Typography>
          <Button size="small" disabled={offsets.length <= 1} onClick={() => setOffsets(offsets.slice(0, -1))}>
            Previous
          </Button>
          <Button size="small" disabled={nextOffset >= total || items.length === 0} onClick={() => setOffsets([...offsets, nextOffset])}>
            Next
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
