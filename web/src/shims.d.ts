// Type declarations for the Cytoscape extensions, which ship none.
declare module "cytoscape-fcose" {
  const ext: cytoscape.Ext;
  export default ext;
}
declare module "cytoscape-dagre" {
  const ext: cytoscape.Ext;
  export default ext;
}
declare module "cytoscape-svg" {
  const ext: cytoscape.Ext;
  export default ext;
}
declare namespace cytoscape {
  interface Core {
    svg(options?: { full?: boolean; scale?: number; bg?: string }): string;
  }
}
