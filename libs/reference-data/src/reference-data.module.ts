import { Module } from '@nestjs/common';
import { GazetteerLoader } from './locations/gazetteer.loader';
import { LocationImportController } from './locations/location-import.controller';
import { LocationImportService } from './locations/location-import.service';
import { OrganizationResolver } from './organizations/organization.resolver';

@Module({
  controllers: [LocationImportController],
  providers: [OrganizationResolver, LocationImportService, GazetteerLoader],
  exports: [LocationImportService, GazetteerLoader],
})
export class ReferenceDataModule {}
