import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';

interface Props {
  /** the undo was applied (whatever its outcome) */
  applied: boolean;
  /** some of it did not go through: offer to plan the rest from a fresh read of CMS */
  incomplete: boolean;
  onReadAgain: () => void;
  onClose: () => void;
  applying: boolean;
  canApply: boolean;
  onApply: () => void;
  applyLabel: string;
}

/** The undo dialogs' buttons: apply or cancel before, read CMS again (when something is left) or close after. */
export function UndoActions({ applied, incomplete, onReadAgain, onClose, applying, canApply, onApply, applyLabel }: Props) {
  return (
    <DialogActions>
      {applied ? (
        <>
          {incomplete && <Button onClick={onReadAgain}>Read CMS again</Button>}
          <Button onClick={onClose}>Close</Button>
        </>
      ) : (
        <>
          <Button onClick={onClose} disabled={applying}>
            Cancel
          </Button>
          <Button variant="contained" disabled={!canApply} loading={applying} onClick={onApply}>
            {applyLabel}
          </Button>
        </>
      )}
    </DialogActions>
  );
}
