import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import type { JoinCard } from '../../domain/space-planning/types';

/** "How to join", one card per role. */
export function JoinCardList({ cards, headingLevel = 3 }: { cards: readonly JoinCard[]; headingLevel?: 3 | 4 }) {
  return (
    <Grid container spacing={2}>
      {cards.map((card) => {
        const id = `join-${card.role}-${headingLevel}`;
        return (
          <Grid key={card.role} size={{ xs: 12, md: 6 }}>
            <Card variant="outlined" component="section" aria-labelledby={id} sx={{ height: '100%' }}>
              <CardContent>
                <Typography id={id} variant="h6" component={`h${headingLevel}`} gutterBottom>
                  {card.title}
                </Typography>
                <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
                  {card.lines.map((line) => (
                    <li key={line}>
                      <Typography variant="body2">{line}</Typography>
                    </li>
                  ))}
                </ul>
              </CardContent>
            </Card>
          </Grid>
        );
      })}
    </Grid>
  );
}
