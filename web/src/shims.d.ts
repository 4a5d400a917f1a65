declare module 'cytoscape-dagre' {
  import type { Ext } from 'cytoscape';
  const ext: Ext;
  export default ext;
}
