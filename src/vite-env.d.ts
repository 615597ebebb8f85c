interface ImportMetaEnv {
  readonly VITE_MOCK_CMS?: 'worker';
}
