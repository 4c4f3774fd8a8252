// The page's chart colours (src/ui/charts/ChartCard.tsx COLORS), repeated here because ChartCard is a React
// module the command line does not load. Keep the two in step.
export const COLORS_FOR_FILES = {
  fund: '#1f5fbf',
  badDebt: '#c2410c',
  socialized: '#b42318',
  vault: '#6d28d9',
  uncovered: '#4b5563',
  price: '#1d2330',
  grid: '#e5e9f0',
  axis: '#5b6475',
} as const;
