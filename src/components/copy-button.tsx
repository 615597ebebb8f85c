import CheckIcon from '@mui/icons-material/Check';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { useEffect, useState } from 'react';

/** Copies through the Clipboard API, or a hidden textarea where it is missing (plain http on a LAN name). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the textarea
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

type CopyButtonProps = {
  text: string;
  /** what is copied, for the accessible name: "Copy deep link" */
  label?: string;
  /** a text button instead of an icon */
  variant?: 'icon' | 'text';
  size?: 'small' | 'medium';
};

export function CopyButton({ text, label = 'Copy', variant = 'icon', size = 'small' }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => setState((await copyText(text)) ? 'copied' : 'failed');
  const feedback = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select and copy by hand' : label;

  if (variant === 'text') {
    return (
      <Button size={size} onClick={copy} startIcon={state === 'copied' ? <CheckIcon /> : <ContentCopyIcon />} aria-label={label}>
        {state === 'copied' ? 'Copied' : label}
      </Button>
    );
  }
  return (
    <Tooltip title={feedback}>
      <IconButton size={size} onClick={copy} aria-label={label}>
        {state === 'copied' ? <CheckIcon fontSize="inherit" /> : <ContentCopyIcon fontSize="inherit" />}
      </IconButton>
    </Tooltip>
  );
}
