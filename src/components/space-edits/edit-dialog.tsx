import { ParamEditDialog } from '../param-edit-dialog';
import { currentValues, editPlan, fieldsOf, tableOfTarget, targetLabel, targetPath, type EditTarget } from './edit-plans';

/** Edit a space, an access method or a member: form → review of only the changed fields → apply as one journaled run. */
export function EditDialog({ target, spaceLabel, onClose }: { target: EditTarget; spaceLabel: string; onClose: () => void }) {
  const edit = {
    label: targetLabel(target),
    path: targetPath(target),
    table: tableOfTarget(target),
    fields: fieldsOf(target),
    before: currentValues(target),
    plan: (changed: Record<string, string>) => editPlan(target, changed, spaceLabel),
  };
  return <ParamEditDialog edit={edit} onClose={onClose} />;
}
