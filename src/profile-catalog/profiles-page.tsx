import Typography from '@mui/material/Typography';

export function ProfilesPage() {
  return (
    <>
      <Typography variant="h4" component="h1" gutterBottom>
        Profiles
      </Typography>
      <Typography>The callLegProfiles and callProfiles of the CMS, and where each is attached, will be listed here.</Typography>
    </>
  );
}
