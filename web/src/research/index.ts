/** The research views (issue 16), mounted into the explorer's page by main.ts. */
import type { Core } from 'cytoscape';
import { ChartsView } from './charts-view';
import { GraphTools } from './graph-tools';
import { OrganizationNetworkView } from './org-network';
import './research.css';

export interface Research {
  tools: GraphTools;
  charts: ChartsView;
  orgs: OrganizationNetworkView;
  resize(): void;
}

export function mountResearch(options: {
  cy: Core;
  barSlot: HTMLElement;
  chartsPane: HTMLElement;
  orgsPane: HTMLElement;
  run: <T>(text: string, action: () => Promise<T>) => Promise<T | undefined>;
  showError: (message: string) => void;
}): Research {
  const tools = new GraphTools(options.cy, options.showError);
  options.barSlot.replaceWith(tools.root);
  const charts = new ChartsView(options.chartsPane, options.run, options.showError);
  const orgs = new OrganizationNetworkView(options.orgsPane, options.run, options.showError);
  return {
    tools,
    charts,
    orgs,
    resize: () => {
      charts.resize();
      orgs.resize();
    },
  };
}
