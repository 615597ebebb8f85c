import { createTheme } from '@mui/material/styles';

export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: { light: true, dark: true },
});

export const themeStorageKeys = {
  mode: 'cms-access-studio-theme',
  colorScheme: 'cms-access-studio-color-scheme',
} as const;
