import type { ParamDef } from '../../api/params/param-def';
import { ParamEditDialog } from '../../components/param-edit-dialog';
import { currentValues, editPlan, fieldsOf, tableOf, targetLabel, targetPath, type TemplateTarget } from './template-plans';

function helperOf(def: ParamDef | undefined): string {
  if (def?.type === 'id') return 'An id; empty unsets it.';
  return def?.description ?? 'Empty unsets it.';
}

/** Edit a template or an access method template: form → review of only the changed fields → one journaled PUT. */
export function TemplateEditDialog({ target, onClose }: { target: TemplateTarget; onClose: () => void }) {
  const edit = {
    label: targetLabel(target),
    path: targetPath(target),
    table: tableOf(target),
    fields: fieldsOf(target),
    before: currentValues(target),
    plan: (changed: Record<string, string>) => editPlan(target, changed),
    helperOf,
  };
  return <ParamEditDialog edit={edit} onClose={onClose} />;
}
