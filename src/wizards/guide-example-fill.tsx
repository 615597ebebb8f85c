import AutoFixHighIcon from '@mui/icons-material/AutoFixHigh';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { exampleFill } from './guide-example';
import { labelOf } from '../domain/space-planning/wizard-fields';
import { useWizardFormContext, useWizardValue } from './use-wizard-form';
import { useWizard } from './wizard-context';

/**
 * "Fill in the guide's example": the guide's values go into the empty fields of a new space (never
 * over what the admin typed, never into an existing space's values).
 */
export function GuideExampleFill() {
  const { scenario } = useWizard();
  const form = useWizardFormContext();
  const mode = useWizardValue('space.mode');
  const [said, setSaid] = useState('');
  if (mode !== 'create') return null;

  const fill = () => {
    const { fields, members } = exampleFill(scenario, form.getValues());
    for (const { path, value } of fields) form.setValue(path, value, { shouldDirty: true, shouldValidate: form.getFieldState(path).invalid });
    if (members) form.setValue('members', members, { shouldDirty: true, shouldValidate: form.getFieldState('members').invalid });
    const names = [...fields.map((f) => labelOf(f.path)), ...(members ? ['Members'] : [])];
    setSaid(names.length === 0 ? 'Every field already has a value: nothing was filled in.' : `Filled in from the guide: ${names.join(', ')}.`);
  };

  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
      <Button variant="outlined" size="small" startIcon={<AutoFixHighIcon />} onClick={fill} sx={{ alignSelf: 'flex-start', flexShrink: 0 }}>
        Fill in the guide’s example
      </Button>
      <Typography variant="body2" role="status">
        {said || 'The grey values are the guide’s example; nothing of it is used unless you type it or fill it in.'}
      </Typography>
    </Stack>
  );
}
