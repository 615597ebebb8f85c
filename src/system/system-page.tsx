import Typography from '@mui/material/Typography';

export function SystemPage() {
  return (
    <>
      <Typography variant="h4" component="h1" gutterBottom>
        System
      </Typography>
      <Typography>System-wide settings, such as the global profiles and the call bridges, will be shown here.</Typography>
    </>
  );
}
