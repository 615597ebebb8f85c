import Typography from '@mui/material/Typography';

export function WizardsPage() {
  return (
    <>
      <Typography variant="h4" component="h1" gutterBottom>
        Wizards
      </Typography>
      <Typography>Step-by-step wizards that set up guest and host access on a space will be here.</Typography>
    </>
  );
}
