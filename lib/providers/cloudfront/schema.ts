import { awsCredentials, type AwsCredentials } from "@/lib/aws/credentials";

/** AWS credentials as typed in the wizard (lib/aws/credentials.ts, shared with the Route 53 DNS host). */
export const cloudfrontCredentials = awsCredentials;

export type CloudfrontCredentials = AwsCredentials;
