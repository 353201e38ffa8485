/** One Powertools logger per function; the service name comes from POWERTOOLS_SERVICE_NAME. */
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger();
