import Typography from '@mui/material/Typography';

export function SpacesPage() {
  return (
    <>
      <Typography variant="h4" component="h1" gutterBottom>
        Spaces
      </Typography>
      <Typography>Here you will find spaces and, for each way of joining one, which callLegProfile applies and why.</Typography>
    </>
  );
}
