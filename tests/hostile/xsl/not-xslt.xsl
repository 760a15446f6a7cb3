<?xml version="1.0"?>
<stylesheet><template/></stylesheet>
