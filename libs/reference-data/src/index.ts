export * from './reference-data.module';
export * from './reference-data.schema';
export * from './locations/location.decider';
export * from './locations/location-rows';
export * from './locations/location-import.service';
export * from './locations/gazetteer.loader';
