import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQueryClient, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { callLegProfileQueries } from '../../api/resources/call-leg-profiles';
import { spaceQueries } from '../../api/resources/spaces';
import { systemProfilesParams } from '../../api/params/system-profiles';
import { beforeValues, putFormFromWire } from '../../api/resources/operations';
import { runChanges } from '../../api/changes/run-changes';
import { systemQueries } from '../../api/resources/system';
import { ProfileLevelForm } from './profile-level-form';
import type { ProfileRefs } from './reach-review';
import { RESOLUTION_RULE } from '../../domain/profile-resolution/resolve';

export function GlobalProfiles() {
  const queryClient = useQueryClient();
  const profiles = useQuery(systemQueries.profiles());
  const [saved, setSaved] = useState<string | null>(null);
  const current: ProfileRefs | undefined = profiles.data && { callLegProfile: profiles.data.callLegProfile ?? '', callProfile: profiles.data.callProfile ?? '' };
  const save = async (changes: Partial<ProfileRefs>) => {
    const form = putFormFromWire(systemProfilesParams, changes);
    const { notes } = await runChanges({
      origin: { kind: 'page', name: 'system/global-profiles' },
      title: `Global profiles: ${Object.keys(form).join(', ')}`,
      steps: [{ key: 'systemProfiles', title: 'Change the global profiles', operation: { op: 'updateSystemProfiles', form, before: beforeValues(systemProfilesParams, profiles.data ?? {}, form) } }],
    });
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: systemQueries.profiles().queryKey }),
      queryClient.invalidateQueries({ queryKey: callLegProfileQueries.all() }),
      queryClient.invalidateQueries({ queryKey: spaceQueries.all() }),
    ]);
    return notes;
  };
  return (
    <Paper variant="outlined" component="section" aria-labelledby="global-profiles-title" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" id="global-profiles-title">
        Global profiles
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        The least specific level (/system/profiles). {RESOLUTION_RULE} So a global profile reaches every parameter that no tenant, space, access
        method or member profile sets itself; Review change counts exactly which spaces and ways in that is, before anything is written.
      </Typography>
      {profiles.error && <Alert severity="error">CMS did not give the global profiles: {profiles.error.message}</Alert>}
      {saved && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setSaved(null)}>
          {saved}
        </Alert>
      )}
      <ProfileLevelForm
        level={{ scope: 'global' }}
        name="Global"
        where="system wide"
        request="PUT /api/v1/system/profiles"
        current={current}
        save={save}
        onSaved={setSaved}
      />
    </Paper>
  );
}
