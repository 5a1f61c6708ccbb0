import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { ApiTokenAccess, apiTokenAccess, ApiTokenEntity } from './api-token.entity';

export class ApiTokenDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Home Assistant' }) name: string;
  @ApiProperty({ example: 'mvp_pat_Xy3k', description: 'The first characters of the token' }) prefix: string;
  @ApiProperty({ enum: apiTokenAccess }) access: ApiTokenAccess;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Recorded to the minute' })
  lastUsedAt: string | null;
}

export class CreatedApiTokenDto extends ApiTokenDto {
  @ApiProperty({ description: 'The token itself: shown this once, never again', example: 'mvp_pat_…' })
  token: string;
}

export class ApiTokenPageDto {
  @ApiProperty({ type: [ApiTokenDto] }) items: ApiTokenDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class CreateApiTokenDto {
  @ApiProperty({ example: 'Home Assistant' }) @IsString() @Length(1, 80) name: string;
  @ApiProperty({ enum: apiTokenAccess, description: 'read: GET only; read_write: everything a user can do' })
  @IsIn(apiTokenAccess)
  access: ApiTokenAccess;
}

export class RenameApiTokenDto {
  @ApiProperty() @IsString() @Length(1, 80) name: string;
}

export function toApiTokenDto(token: ApiTokenEntity): ApiTokenDto {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    access: token.access,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}
