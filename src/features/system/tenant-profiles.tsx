import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { callLegProfileQueries } from '../../api/resources/call-leg-profiles';
import { spaceQueries } from '../../api/resources/spaces';
import { tenantParams } from '../../api/params/tenant';
import { beforeValues, putFormFromWire } from '../../api/resources/operations';
import { runChanges } from '../../api/changes/run-changes';
import { tenantQueries } from '../../api/resources/tenants';
import { ProfileLevelForm } from './profile-level-form';
import type { ProfileRefs } from './reach-review';
import { RESOLUTION_RULE } from '../../domain/profile-resolution/resolve';

/** A tenant's callLegProfile and callProfile: between the global level and its spaces. */
export function TenantProfiles() {
  const queryClient = useQueryClient();
  const tenants = useQuery(tenantQueries.listAll());
  const [tenantId, setTenantId] = useState('');
  const tenant = useQuery({ ...tenantQueries.detail(tenantId), enabled: tenantId !== '' });
  const [saved, setSaved] = useState<string | null>(null);
  const name = tenant.data?.name ?? tenantId;
  const current: ProfileRefs | undefined = tenant.data && { callLegProfile: tenant.data.callLegProfile ?? '', callProfile: tenant.data.callProfile ?? '' };
  const save = async (changes: Partial<ProfileRefs>) => {
    const form = putFormFromWire(tenantParams, changes);
    const { notes } = await runChanges({
      origin: { kind: 'page', name: 'system/tenant-profiles' },
      title: `Tenant ${name}: ${Object.keys(form).join(', ')}`,
      steps: [{ key: 'tenant', title: `Change the profiles of tenant ${name}`, operation: { op: 'updateTenant', tenant: tenantId, form, before: beforeValues(tenantParams, tenant.data ?? {}, form) } }],
    });
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: tenantQueries.all() }),
      queryClient.invalidateQueries({ queryKey: spaceQueries.all() }),
      queryClient.invalidateQueries({ queryKey: callLegProfileQueries.all() }),
    ]);
    return notes;
  };
  const list = tenants.data?.items ?? [];
  return (
    <Paper variant="outlined" component="section" aria-labelledby="tenant-profiles-title" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" id="tenant-profiles-title">
        Tenant profiles
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        A tenant's profiles sit between the global level and the tenant's spaces. {RESOLUTION_RULE}
      </Typography>
      {tenants.error && <Alert severity="error">CMS did not list its tenants: {tenants.error.message}</Alert>}
      {tenants.isSuccess && list.length === 0 ? (
        <Typography color="text.secondary">This CMS has no tenants.</Typography>
      ) : (
        <Stack spacing={2}>
          <TextField select label="Tenant" value={tenantId} onChange={(e) => {
              setSaved(null);
              setTenantId(e.target.value);
            }} sx={{ maxWidth: 720 }}>
            {list.map((t) => (
              <MenuItem key={t.id} value={t.id ?? ''}>
                {t.name ?? t.id}
              </MenuItem>
            ))}
          </TextField>
          {tenant.error && <Alert severity="error">{tenant.error.message}</Alert>}
          {saved && (
            <Alert severity="success" onClose={() => setSaved(null)}>
              {saved}
            </Alert>
          )}
          {tenantId !== '' && (
            <ProfileLevelForm
              key={tenantId}
              level={{ scope: 'tenant', tenantId }}
              name={`Tenant ${name}`}
              where={`on tenant ${name}`}
              request={`PUT /api/v1/tenants/${tenantId}`}
              current={current}
              save={save}
              onSaved={setSaved}
            />
          )}
        </Stack>
      )}
    </Paper>
  );
}
