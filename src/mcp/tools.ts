import { leaderboardTool, modelResultsTool } from './benchmark-tools.js';
import { compareTool, sharedTechniquesTool } from './compare-tools.js';
import { entityTool, searchTool } from './entity-tools.js';
import { lineageTool, neighbourhoodTool, pathTool } from './graph-tools.js';
import { conflictsTool, dataQualityTool } from './quality-tools.js';
import type { McpTool } from './tool.js';

/** Every tool the MCP server offers, in the order clients list them. Adding one: a `tool({…})` here (tool.ts). */
export const TOOLS: readonly McpTool[] = [
  searchTool,
  entityTool,
  lineageTool,
  pathTool,
  neighbourhoodTool,
  sharedTechniquesTool,
  compareTool,
  modelResultsTool,
  leaderboardTool,
  conflictsTool,
  dataQualityTool,
];
