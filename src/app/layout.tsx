import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import AutoFixHighIcon from '@mui/icons-material/AutoFixHigh';
import CallIcon from '@mui/icons-material/Call';
import EventIcon from '@mui/icons-material/Event';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import HistoryIcon from '@mui/icons-material/History';
import MeetingRoomIcon from '@mui/icons-material/MeetingRoom';
import PersonSearchIcon from '@mui/icons-material/PersonSearch';
import SettingsIcon from '@mui/icons-material/Settings';
import TerminalIcon from '@mui/icons-material/Terminal';
import TuneIcon from '@mui/icons-material/Tune';
import DashboardCustomizeIcon from '@mui/icons-material/DashboardCustomize';
import type { ReactNode } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { ConnectionIndicator } from './connection-indicator';
import { SignInGate } from './sign-in-gate';
import { PageErrorBoundary } from './error-fallback';
import { ThemeToggle } from './theme-toggle';

const drawerWidth = 220;

const sections: { to: string; label: string; icon: ReactNode }[] = [
  { to: '/wizards', label: 'Wizards', icon: <AutoFixHighIcon /> },
  { to: '/spaces', label: 'Spaces', icon: <MeetingRoomIcon /> },
  { to: '/audit', label: 'Audit', icon: <FactCheckIcon /> },
  { to: '/profiles', label: 'Profiles', icon: <TuneIcon /> },
  { to: '/templates', label: 'Templates', icon: <DashboardCustomizeIcon /> },
  { to: '/user-spaces', label: 'Spaces by user', icon: <PersonSearchIcon /> },
  { to: '/meetings', label: 'Meetings', icon: <EventIcon /> },
  { to: '/calls', label: 'Live calls', icon: <CallIcon /> },
  { to: '/system', label: 'System', icon: <SettingsIcon /> },
  { to: '/history', label: 'History', icon: <HistoryIcon /> },
  { to: '/console', label: 'API console', icon: <TerminalIcon /> },
];

export function Layout() {
  const { pathname } = useLocation();
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="div" noWrap sx={{ flexGrow: 1 }}>
            CMS Access Studio
          </Typography>
          <ConnectionIndicator />
          <SignInGate />
          <ThemeToggle />
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{
          width: drawerWidth,
          flexShrink: 0,
          '& .MuiDrawer-paper': { width: drawerWidth, boxSizing: 'border-box' },
        }}
      >
        <Toolbar />
        <Box component="nav" aria-label="Sections">
          <List>
            {sections.map((section) => (
              <ListItem key={section.to} disablePadding>
                <ListItemButton
                  component={NavLink}
                  to={section.to}
                  selected={pathname === section.to || pathname.startsWith(`${section.to}/`)}
                >
                  <ListItemIcon>{section.icon}</ListItemIcon>
                  <ListItemText primary={section.label} />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </Box>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 3, minWidth: 0 }}>
        <Toolbar />
        <PageErrorBoundary key={pathname}>
          <Outlet />
        </PageErrorBoundary>
      </Box>
    </Box>
  );
}
