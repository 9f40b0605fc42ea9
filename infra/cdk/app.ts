/** The CDK app: `npx cdk synth` / `npx cdk deploy --all` from the repository root. */
import { App } from 'aws-cdk-lib';
import { declaration } from '../../shared/platform/declaration.ts';
import { addNagChecks } from './nag.ts';
import { buildPlatform } from './platform.ts';

const app = new App();
buildPlatform(app, declaration);
addNagChecks(app);
app.synth();
