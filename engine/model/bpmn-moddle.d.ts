declare module 'bpmn-moddle' {
  /** A parsed element: its moddle type (e.g. 'bpmn:UserTask') and its properties. */
  export interface ModdleElement {
    $type: string;
    $parent?: ModdleElement;
    id?: string;
    [property: string]: unknown;
  }

  export interface ModdleWarning {
    message: string;
    element?: ModdleElement;
  }

  export interface FromXmlResult {
    rootElement: ModdleElement;
    warnings: ModdleWarning[];
  }

  export interface Moddle {
    fromXML(xml: string, typeName?: string): Promise<FromXmlResult>;
  }

  export function BpmnModdle(packages?: Record<string, unknown>, options?: Record<string, unknown>): Moddle;
}
