import { awsCredentials, type AwsCredentials } from "@/lib/providers/aws/credentials";

/** CloudFront and ACM take the AWS credentials every AWS service here takes (lib/aws/credentials.ts). */
export const cloudfrontCredentials = awsCredentials;
export type CloudfrontCredentials = AwsCredentials;
