// placeholder: being written
export const handler = async (_event: unknown) => undefined;
