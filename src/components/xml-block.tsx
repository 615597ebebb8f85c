import Box from '@mui/material/Box';
import { useMemo } from 'react';
import { CopyButton } from './copy-button';
import { prettyXml } from './pretty-xml';

type XmlBlockProps = {
  /** the answer's text as CMS sent it */
  text: string;
  /** names the block for assistive technology: "XML of GET /api/v1/coSpaces/…" */
  label: string;
  maxHeight?: number;
};

/** An XML answer, indented, in a monospace block with a copy button. */
export function XmlBlock({ text, label, maxHeight = 360 }: XmlBlockProps) {
  const pretty = useMemo(() => (text.trim() === '' ? '(empty body)' : prettyXml(text)), [text]);
  return (
    <Box sx={{ position: 'relative' }}>
      <Box
        component="pre"
        role="region"
        aria-label={label}
        tabIndex={0}
        sx={{
          m: 0,
          p: 1.5,
          pr: 5,
          maxHeight,
          overflow: 'auto',
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
          fontSize: 12,
          lineHeight: 1.5,
          bgcolor: 'action.hover',
          borderRadius: 1,
          whiteSpace: 'pre',
        }}
      >
        {pretty}
      </Box>
      <Box sx={{ position: 'absolute', top: 4, right: 4 }}>
        <CopyButton text={text} label="Copy XML" />
      </Box>
    </Box>
  );
}
