declare module "json-logic-js";
