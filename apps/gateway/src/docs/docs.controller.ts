import { Controller, Get, Header } from '@nestjs/common';
import { buildRoutes } from '../routes/route-table';
import { renderDocsPage } from './docs-page';
import { buildOpenApi, OpenApiDocument } from './openapi.builder';

const GATEWAY_API_VERSION = '1.0.0';

/** The API description, public like the source it is generated from (no key needed). */
@Controller('docs')
export class DocsController {
  private readonly document: OpenApiDocument = buildOpenApi(buildRoutes(), GATEWAY_API_VERSION);
  private readonly page = renderDocsPage(this.document);

  @Get('openapi.json')
  openapi(): OpenApiDocument {
    return this.document;
  }

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
  html(): string {
    return this.page;
  }
}
